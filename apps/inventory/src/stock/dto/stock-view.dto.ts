import { ApiProperty } from '@nestjs/swagger';

export class WarehouseStockView {
  @ApiProperty() warehouse!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() available!: number;
}

export class StockView {
  @ApiProperty() sku!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() available!: number;
  @ApiProperty({ type: [WarehouseStockView] }) warehouses!: WarehouseStockView[];
}
