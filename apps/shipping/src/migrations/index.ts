import { CreateShipping1763856400000 } from './1763856400000-create-shipping';

/** The shipping service's own migrations, in the order they run (after the shared tables'): its AppModule and `npm run migrate -- shipping` use this list. */
export const shippingMigrations: Function[] = [CreateShipping1763856400000];
