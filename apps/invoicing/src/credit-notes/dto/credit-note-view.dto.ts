import { ApiProperty } from '@nestjs/swagger';
import { DocumentLineView } from '../../invoices/dto/invoice-view.dto';

export class CreditNoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CN-000001', description: 'Gap-free, a sequence of its own' }) number!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() returnId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ type: [DocumentLineView], description: 'Exactly the returned quantities, at the order prices' })
  lines!: DocumentLineView[];
  @ApiProperty() netMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty({ description: 'netMinor + taxMinor: the amount credited' }) totalMinor!: number;
}

export class CreditNotePageView {
  @ApiProperty({ type: [CreditNoteView], description: 'In id order' }) items!: CreditNoteView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterId for the next page; null on the last page' })
  nextAfterId!: string | null;
}
