import { ApiProperty } from '@nestjs/swagger';

export class HoldView {
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['crm', 'api'] }) source!: string;
  @ApiProperty() since!: string;
}

export class AccountTotalsView {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'Σ InvoiceIssued.totalMinor (tax included)' }) invoicedMinor!: number;
  @ApiProperty({ description: 'Σ CreditNoteIssued.totalMinor' }) creditedMinor!: number;
  @ApiProperty({ description: 'Σ PaymentReceived.amountMinor' }) paidMinor!: number;
  @ApiProperty({ description: 'invoiced − credited' }) lifetimeRevenueMinor!: number;
  @ApiProperty({ description: 'invoiced − credited − paid; negative: the customer is in credit' }) openBalanceMinor!: number;
}

export class ResolvedFromView {
  @ApiProperty({ description: 'The id asked for' }) customerId!: string;
  @ApiProperty() mergedAt!: string;
  @ApiProperty({ example: 'CUST-2 was merged into CUST-1' }) message!: string;
}

export class CustomerView {
  @ApiProperty({ example: 'CUST-1042' }) customerId!: string;

  @ApiProperty({ type: ResolvedFromView, nullable: true, description: 'Set when the id asked for was merged into this customer' })
  resolvedFrom!: ResolvedFromView | null;

  @ApiProperty({ type: [String], description: 'Ids merged into this customer; their history counts here' })
  mergedCustomerIds!: string[];

  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) taxId!: string | null;
  @ApiProperty({ enum: ['ACTIVE', 'ON_HOLD'], description: 'ON_HOLD while any hold is in place' }) status!: string;
  @ApiProperty({ enum: ['ACTIVE', 'ON_HOLD'], description: 'As the CRM last sent it' }) crmStatus!: string;
  @ApiProperty({ type: HoldView, nullable: true }) hold!: HoldView | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Minor units of `currency`; null: no limit' })
  creditLimitMinor!: number | null;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() paymentTermsDays!: number;
  @ApiProperty({ description: "The CRM's updatedAt of the stored data" }) crmUpdatedAt!: string;

  @ApiProperty({ description: 'In `currency`: invoiced − credited' }) lifetimeRevenueMinor!: number;
  @ApiProperty({ description: 'In `currency`: invoiced − credited − paid' }) openBalanceMinor!: number;
  @ApiProperty({ type: [AccountTotalsView], description: 'Every currency the customer was invoiced or paid in' })
  totals!: AccountTotalsView[];
}

export class DuplicateView {
  @ApiProperty({ description: 'The customer whose upsert found the match' }) customerId!: string;
  @ApiProperty() duplicateOfCustomerId!: string;
  @ApiProperty({ enum: ['email', 'taxId'] }) matchedOn!: string;
  @ApiProperty() detectedAt!: string;
  @ApiProperty({ enum: ['OPEN', 'MERGED'], description: 'MERGED once both ids resolve to one customer' }) status!: string;
}
