import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MAX_REPORT_DAYS, REVENUE_GROUPINGS, RevenueGrouping } from '../revenue-report';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RevenueQueryDto {
  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First day of the period (UTC), included' })
  @Matches(ISO_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: `Last day of the period (UTC), included; not before from, at most ${MAX_REPORT_DAYS} days in all` })
  @Matches(ISO_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiProperty({ enum: REVENUE_GROUPINGS, description: 'One row per day (UTC), per customer id the invoice was issued to, or per sales channel — and per currency' })
  @IsIn(REVENUE_GROUPINGS, { message: `groupBy must be one of ${REVENUE_GROUPINGS.join(', ')}` })
  groupBy!: RevenueGrouping;

  @ApiPropertyOptional({ pattern: '^[A-Z]{3}$', description: 'Only this currency (ISO 4217); all currencies, never converted, without it' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the rows as text/csv, like Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
