import { ServiceSettings } from '@tradeflow/service';
import { IsOptional, IsString, Matches } from 'class-validator';

/** Every setting of the inventory service, validated at boot (see README "Configuration"). */
export class InventorySettings extends ServiceSettings {
  override PORT: number = 3002;

  /** A product load of 5000 records (PUT /v1/products, its CSV import) takes a few MB. */
  override HTTP_BODY_LIMIT_BYTES: number = 8_388_608;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_INVENTORY!: string;

  /** JSON file of `{ sku, warehouse, onHand, reorderPoint? }` loaded when the stock table is empty. */
  @IsOptional()
  @IsString()
  INVENTORY_SEED_FILE?: string;
}
