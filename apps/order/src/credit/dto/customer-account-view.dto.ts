import { ApiProperty } from '@nestjs/swagger';

export class CustomerAccountView {
  @ApiProperty({ description: 'As asked' }) customerId!: string;
  @ApiProperty({ description: 'The survivor it resolves to (itself unless merged)' }) survivorId!: string;
  @ApiProperty({ type: [String], description: 'Ids merged into the survivor: their orders and invoices count as its own' }) mergedIds!: string[];
  @ApiProperty({ description: 'The CRM record of the survivor has arrived; unknown customers’ orders are held' }) known!: boolean;
  @ApiProperty() onHold!: boolean;
  @ApiProperty({ nullable: true, type: String }) holdReason!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no credit limit' }) creditLimitMinor!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Currency of the limit and of the amounts below' }) currency!: string | null;
  @ApiProperty({ description: 'invoiced − paid − credited, never below 0' }) unpaidInvoicesMinor!: number;
  @ApiProperty({ description: 'Not yet invoiced value, tax included, of approved orders not completed or cancelled' }) openOrdersMinor!: number;
}
