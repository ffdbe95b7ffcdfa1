import type { ServiceDefinition } from '@tradeflow/service';
import { AppModule } from './app.module';
import type { InventorySettings } from './inventory-settings';
import { StockService } from './stock/stock.service';
import { SERVICE_NAME } from './service-name';

export const inventoryService: ServiceDefinition<InventorySettings> = {
  name: SERVICE_NAME,
  module: (settings) => AppModule.register(settings),
  description: {
    title: 'Tradeflow inventory API',
    description:
      'The product master, loaded by the ERP; stock per sku and warehouse; reservations that follow orders (approved, amended, cancelled); goods receipts, ' +
      'dispatches and returns, which move stock and fill backorders first come, first served.',
  },
  prepare: async (app, settings) => {
    if (settings.INVENTORY_SEED_FILE) await app.get(StockService).seedFromFile(settings.INVENTORY_SEED_FILE);
  },
};
