import 'reflect-metadata';
import { runService } from '@tradeflow/messaging';
import { InventorySettings } from './inventory-settings';
import { inventoryService } from './inventory-service';

runService(inventoryService, InventorySettings);
