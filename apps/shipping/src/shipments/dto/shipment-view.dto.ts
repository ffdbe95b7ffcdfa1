import { ApiProperty } from '@nestjs/swagger';
import { SHIPMENT_STATUSES } from '../shipment-status';
import type { ShipmentStatus } from '../shipment-status';

export class ShipmentLineView {
  @ApiProperty({ example: 1 }) lineNo!: number;
  @ApiProperty({ example: 'SKU-RED-MUG' }) sku!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
}

export class ParcelDimensionsView {
  @ApiProperty({ example: 120 }) lengthMm!: number;
  @ApiProperty({ example: 90 }) widthMm!: number;
  @ApiProperty({ example: 100 }) heightMm!: number;
}

export class ParcelView {
  @ApiProperty({ type: Number, nullable: true, example: 1050, description: 'Σ quantity × unit weight; null when a line’s product weight is not known' })
  weightGrams!: number | null;
  @ApiProperty({
    type: ParcelDimensionsView,
    nullable: true,
    description: 'The box of the largest item by volume; null when a line’s product dimensions are not known',
  })
  dimensions!: ParcelDimensionsView | null;
}

/** Lists are ordered oldest first, then by warehouse. */
export class ShipmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ example: 'BER' }) warehouse!: string;
  @ApiProperty({
    enum: SHIPMENT_STATUSES,
    description:
      'LABEL_PENDING → LABELLED → DISPATCHED → DELIVERED; LABEL_FAILED after every label retry failed; ' +
      'RETURNED_TO_SENDER, LOST or DAMAGED as the carrier reported instead of a delivery; CANCELLED',
  })
  status!: ShipmentStatus;
  @ApiProperty({ type: [ShipmentLineView] }) lines!: ShipmentLineView[];
  @ApiProperty({ type: String, nullable: true, example: 'local' }) carrier!: string | null;
  @ApiProperty({ type: String, nullable: true }) labelNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) trackingNumber!: string | null;
  @ApiProperty({ type: ParcelView, nullable: true, description: 'The parcel the carrier labelled; null until labelled' }) parcel!: ParcelView | null;
  @ApiProperty({ description: 'Carrier calls in the current round; retry-label starts a new round' }) labelAttempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last carrier call failed' }) lastLabelError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the next carrier call is due (LABEL_PENDING only)' })
  nextLabelAttemptAt!: string | null;
  @ApiProperty({ description: 'Failed delivery attempts the carrier reported (FAILED_ATTEMPT)' }) deliveryAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the carrier said of the last failed attempt' }) lastAttemptDetail!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the carrier reported RETURNED_TO_SENDER, LOST or DAMAGED' }) exceptionAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the carrier said of it' }) exceptionDetail!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'amended', description: 'cancelled or amended' }) cancelReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) labelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) dispatchedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledAt!: string | null;
}

export class ShipmentPageView {
  @ApiProperty({ type: [ShipmentView], description: 'In id order' }) items!: ShipmentView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as afterId for the next page; null on the last page' })
  nextAfterId!: string | null;
}
