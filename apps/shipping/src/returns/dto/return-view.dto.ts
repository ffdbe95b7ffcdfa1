import { ApiProperty } from '@nestjs/swagger';

export class ReturnLineView {
  @ApiProperty({ example: 1 }) lineNo!: number;
  @ApiProperty({ example: 'SKU-RED-MUG' }) sku!: string;
  @ApiProperty({ example: 1 }) quantity!: number;
}

export class ReceivedReturnLineView extends ReturnLineView {
  @ApiProperty({ example: 'BER', description: 'The warehouse the goods went back to (one it dispatched them from)' })
  warehouse!: string;
}

export class ReturnView {
  @ApiProperty({ description: "The order service's returnId" }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: ['REQUESTED', 'RECEIVED'] }) status!: 'REQUESTED' | 'RECEIVED';
  @ApiProperty({ type: [ReturnLineView], description: 'What the customer announced' }) lines!: ReturnLineView[];
  @ApiProperty({ type: [ReceivedReturnLineView], nullable: true, description: 'Set once received: per line and warehouse' })
  receivedLines!: ReceivedReturnLineView[] | null;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) receivedAt!: string | null;
}
