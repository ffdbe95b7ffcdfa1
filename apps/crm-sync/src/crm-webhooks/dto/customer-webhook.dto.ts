import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { CrmStatus } from '../../customers/customer-rules';
import { CRM_STATUSES, CUSTOMER_ID, CUSTOMER_ID_MESSAGE } from '../../customers/customer-rules';
import { NoControlCharacters, PRINTABLE } from '@tradeflow/platform';

/** The customer as the CRM sends it to `POST /v1/crm/webhooks/customers`. */
export class CustomerWebhookDto {
  @ApiProperty({ example: 'CUST-1042', pattern: CUSTOMER_ID.source, description: "The CRM's id of the customer; orders name customers by it" })
  @Matches(CUSTOMER_ID, { message: `customerId ${CUSTOMER_ID_MESSAGE}` })
  customerId!: string;

  @ApiProperty({ example: 'Lovelace Analytical Engines GmbH', minLength: 1, maxLength: 200, pattern: PRINTABLE.source })
  @IsString()
  @Length(1, 200)
  @NoControlCharacters()
  name!: string;

  @ApiProperty({ example: 'billing@lovelace.example', nullable: true, required: false, maxLength: 254 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ example: 'DE 123 456 789', nullable: true, required: false, minLength: 1, maxLength: 64, pattern: PRINTABLE.source })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @NoControlCharacters()
  taxId?: string | null;

  @ApiProperty({ enum: CRM_STATUSES, description: 'ON_HOLD places an account hold (source crm); ACTIVE again releases it' })
  @IsIn(CRM_STATUSES, { message: `status must be one of ${CRM_STATUSES.join(', ')}` })
  status!: CrmStatus;

  @ApiProperty({ type: 'integer', example: 500000, nullable: true, required: false, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'In minor units of `currency`; null: no limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  creditLimitMinor?: number | null;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of the account and its credit limit' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiProperty({ type: 'integer', example: 30, minimum: 0, maximum: 365 })
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays!: number;

  @ApiProperty({ example: '2026-01-15T09:30:00.000Z', format: 'date-time', description: 'When the CRM changed the customer; older updates are ignored' })
  @IsISO8601({ strict: true }, { message: 'updatedAt must be an ISO 8601 date-time' })
  updatedAt!: string;
}

export class WebhookReceiptView {
  @ApiProperty() customerId!: string;

  @ApiProperty({ enum: ['applied', 'ignored'] })
  status!: 'applied' | 'ignored';

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'stale',
    description: 'Why it was ignored: stale (older than the stored updatedAt) or repeat (same updatedAt)',
  })
  reason!: string | null;

  @ApiProperty({ type: [String], example: ['CustomerUpserted', 'AccountHoldPlaced'], description: 'Events published' })
  events!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Set when the customer was merged: stored as history, no events' })
  mergedInto!: string | null;
}
