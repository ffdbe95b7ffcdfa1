import { CreateOrders1763856100000 } from './1763856100000-create-orders';
import { TrackFulfilment1795431169770 } from './1795431169770-track-fulfilment';
import { CheckCustomers1795433327388 } from './1795433327388-check-customers';
import { FindStuckAndSearchOrders1796700100000 } from './1796700100000-find-stuck-and-search-orders';
import { LockCustomerGroup1797000100000 } from './1797000100000-lock-customer-group';
import { ChannelOrderNumber1796683974380 } from './1796683974380-channel-order-number';
import { KnowProducts1796683977239 } from './1796683977239-know-products';
import { CarrierExceptions1796686942673 } from './1796686942673-carrier-exceptions';

/** The order service's own migrations, in the order they run (after the shared tables'): its AppModule and `npm run migrate -- order` use this list. */
export const orderMigrations: Function[] = [
  CreateOrders1763856100000,
  TrackFulfilment1795431169770,
  CheckCustomers1795433327388,
  FindStuckAndSearchOrders1796700100000,
  LockCustomerGroup1797000100000,
  ChannelOrderNumber1796683974380,
  KnowProducts1796683977239,
  CarrierExceptions1796686942673,
];
