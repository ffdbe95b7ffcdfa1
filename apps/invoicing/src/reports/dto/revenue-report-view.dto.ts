import { ApiProperty } from '@nestjs/swagger';
import { REVENUE_GROUPINGS, RevenueGrouping } from '../revenue-report';

export class RevenueRowView {
  @ApiProperty({ type: 'string', nullable: true, description: 'The day (YYYY-MM-DD), customer id or channel; null: the order\'s channel is not known to invoicing' })
  group!: string | null;

  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: 'integer', description: 'Net of the invoices issued in the period, by issue date' }) netMinor!: number;
  @ApiProperty({ type: 'integer', description: 'Tax of the invoices issued in the period, by issue date' }) taxMinor!: number;
  @ApiProperty({ type: 'integer', description: 'Totals of the credit notes issued in the period, by credit note date' }) creditedMinor!: number;
  @ApiProperty({ type: 'integer', description: 'Payments received in the period, by receipt date' }) paidMinor!: number;
  @ApiProperty({ type: 'integer', description: "What the period's invoices still owed at the end of `to`" }) outstandingMinor!: number;
}

export class RevenueReportView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: REVENUE_GROUPINGS }) groupBy!: RevenueGrouping;
  @ApiProperty({ type: 'string', nullable: true }) currency!: string | null;
  @ApiProperty({ type: [RevenueRowView] }) rows!: RevenueRowView[];
}
