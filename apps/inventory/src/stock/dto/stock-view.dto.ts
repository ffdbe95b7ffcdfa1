import { ApiProperty } from '@nestjs/swagger';

export class WarehouseStockView {
  @ApiProperty() warehouse!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() available!: number;
  @ApiProperty({ description: 'ReplenishmentRequested when available falls below it' }) reorderPoint!: number;
}

export class StockView {
  @ApiProperty() sku!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() available!: number;
  @ApiProperty({ type: [WarehouseStockView] }) warehouses!: WarehouseStockView[];
}
