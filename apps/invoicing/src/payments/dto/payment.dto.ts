import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { INVOICE_STATUSES } from '../../invoices/invoice-status';
import type { InvoiceStatus } from '../../invoices/invoice-status';

export class RecordPaymentDto {
  @ApiProperty({ example: 'PSP-2026-000123', pattern: '^[A-Za-z0-9._:-]{1,128}$', description: "The payment provider's reference; a repeat is not booked twice" })
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'paymentRef must be 1-128 letters, digits, ".", "_", ":" or "-"' })
  paymentRef!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: 'invoiceId must be a UUID' })
  invoiceId!: string;

  @ApiProperty({ type: 'integer', example: 4905, minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Amount paid in minor units of the currency' })
  @IsInt({ message: 'amountMinor must be a whole number of minor units' })
  @Min(1, { message: 'amountMinor must be positive' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'amountMinor is too large' })
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: "ISO 4217; must be the invoice's currency" })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}

export class PaymentView {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty() paymentRef!: string;
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty({ example: 'INV-000001' }) invoiceNumber!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() amountMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ enum: INVOICE_STATUSES, description: 'The invoice status after this payment' }) invoiceStatus!: InvoiceStatus;
  @ApiProperty() totalMinor!: number;
  @ApiProperty({ description: 'Everything paid on the invoice, this payment included' }) paidMinor!: number;
  @ApiProperty({ description: 'Credit notes applied to the invoice' }) creditedMinor!: number;
  @ApiProperty({ description: 'Left to pay: totalMinor - paidMinor - creditedMinor, never below 0' }) outstandingMinor!: number;
  @ApiProperty({ description: 'Owed back to the customer: paid and credited beyond the total' }) creditBalanceMinor!: number;
}
