import { CreateShipping1763856400000 } from './1763856400000-create-shipping';
import { ProductsAndParcels1796683989320 } from './1796683989320-products-and-parcels';
import { CarrierExceptions1796686534690 } from './1796686534690-carrier-exceptions';

/** The shipping service's own migrations, in the order they run (after the shared tables'): its AppModule and `npm run migrate -- shipping` use this list. */
export const shippingMigrations: Function[] = [CreateShipping1763856400000, ProductsAndParcels1796683989320, CarrierExceptions1796686534690];
