import { CreateStock1763856200000 } from './1763856200000-create-stock';
import { TrackOrderChanges1795431605281 } from './1795431605281-track-order-changes';
import { CreateChannelWebhooks1796684033290 } from './1796684033290-create-channel-webhooks';
import { CreateProducts1796684091415 } from './1796684091415-create-products';
import { CreateAvailability1796686551245 } from './1796686551245-create-availability';

/** The inventory service's own migrations, in the order they run (after the shared tables'): its AppModule and `npm run migrate -- inventory` use this list. */
export const inventoryMigrations: Function[] = [
  CreateStock1763856200000,
  TrackOrderChanges1795431605281,
  CreateChannelWebhooks1796684033290,
  CreateProducts1796684091415,
  CreateAvailability1796686551245,
];
