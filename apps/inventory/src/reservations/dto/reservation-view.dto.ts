import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ReservationQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'orderId must be a UUID' })
  orderId!: string;
}

export class WarehouseReservationView {
  @ApiProperty() warehouse!: string;
  @ApiProperty({ description: 'Reserved minus released (Σ StockReserved − Σ StockReleased); includes what was issued' })
  reserved!: number;
  @ApiProperty({ description: 'Still set aside in stock: reserved, not issued' }) held!: number;
  @ApiProperty({ description: 'Dispatched from this warehouse (ShipmentDispatched)' }) issued!: number;
  @ApiProperty({ description: 'Given up by amendments, cancellation or a stock shortage' }) released!: number;
  @ApiProperty({ description: 'Returned into this warehouse (ReturnReceived)' }) returned!: number;
}

export class ReservationLineView {
  @ApiProperty() lineNo!: number;
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'Waiting for stock' }) backordered!: number;
  @ApiProperty({ type: [WarehouseReservationView] }) warehouses!: WarehouseReservationView[];
}

export class ReservationView {
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['active', 'cancelled', 'unknown'], description: 'unknown: goods moved for an order never approved here' })
  status!: string;
  @ApiProperty({ type: [ReservationLineView] }) lines!: ReservationLineView[];
}
