import { ServiceSettings } from '@tradeflow/service';
import { IsOptional, IsString, Matches } from 'class-validator';

/** Every setting of the inventory service, validated at boot (see README "Configuration"). */
export class InventorySettings extends ServiceSettings {
  override PORT: number = 3002;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_INVENTORY!: string;

  /** JSON file of `{ sku, warehouse, onHand, reorderPoint? }` loaded when the stock table is empty. */
  @IsOptional()
  @IsString()
  INVENTORY_SEED_FILE?: string;
}
