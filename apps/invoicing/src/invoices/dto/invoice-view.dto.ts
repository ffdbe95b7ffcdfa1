import { ApiProperty } from '@nestjs/swagger';
import { INVOICE_STATUSES } from '../invoice-status';
import type { InvoiceStatus } from '../invoice-status';

export class DocumentLineView {
  @ApiProperty() lineNo!: number;
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Net unit price in minor units' }) unitPriceMinor!: number;
  @ApiProperty({ description: 'Tax rate in basis points: 1900 = 19%' }) taxRateBp!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'STANDARD',
    description: 'The product’s tax class (STANDARD, REDUCED, ZERO) when issued; null: the product was not known to invoicing yet. The rate is still the order line’s',
  })
  taxClass!: string | null;
  @ApiProperty({ description: 'quantity × unitPriceMinor' }) netMinor!: number;
  @ApiProperty({ description: 'netMinor × taxRateBp / 10000, rounded half up' }) taxMinor!: number;
}

export class InvoicePaymentView {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty() paymentRef!: string;
  @ApiProperty() amountMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() receivedAt!: string;
}

export class InvoiceCreditView {
  @ApiProperty({ format: 'uuid' }) creditNoteId!: string;
  @ApiProperty({ example: 'CN-000001' }) creditNoteNumber!: string;
  @ApiProperty() lineNo!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'The part of the credit note applied to this line of the invoice' }) amountMinor!: number;
}

export class InvoiceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'INV-000001', description: 'Gap-free' }) number!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() shipmentId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ example: '2026-12-23', description: "Issue date plus the customer's payment terms when the invoice was issued" }) dueDate!: string;
  @ApiProperty({ type: [DocumentLineView] }) lines!: DocumentLineView[];
  @ApiProperty() netMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty({ description: 'netMinor + taxMinor' }) totalMinor!: number;
  @ApiProperty({
    enum: INVOICE_STATUSES,
    description: 'Payments against what is left after credit notes: PAID once nothing is left to pay, OVERPAID when payments exceed it',
  })
  status!: InvoiceStatus;
  @ApiProperty({ description: 'Sum of the payments' }) paidMinor!: number;
  @ApiProperty({ description: 'Sum of the credit notes applied to it' }) creditedMinor!: number;
  @ApiProperty({ description: 'Left to pay: totalMinor - paidMinor - creditedMinor, never below 0' }) outstandingMinor!: number;
  @ApiProperty({ description: 'Owed back to the customer: paid and credited beyond the total (over-payment, or a credit note after payment)' })
  creditBalanceMinor!: number;
  @ApiProperty({ nullable: true, type: String, description: 'When payments and credits covered the total' }) paidAt!: string | null;
  @ApiProperty({ type: [InvoicePaymentView], description: 'Oldest first' }) payments!: InvoicePaymentView[];
  @ApiProperty({ type: [InvoiceCreditView], description: 'The credit notes applied to it, oldest first' }) credits!: InvoiceCreditView[];
}

export class InvoicePageView {
  @ApiProperty({ type: [InvoiceView], description: 'In id order' }) items!: InvoiceView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterId for the next page; null on the last page' })
  nextAfterId!: string | null;
}
