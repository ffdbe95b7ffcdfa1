import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/messaging';
import { AmendOrderModule } from './amend-order/amend-order.module';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { CancelOrderModule } from './cancel-order/cancel-order.module';
import { InvoicesModule } from './invoices/invoices.module';
import { CreateOrders1763856100000 } from './migrations/1763856100000-create-orders';
import { TrackFulfilment1795431169770 } from './migrations/1795431169770-track-fulfilment';
import type { OrderSettings } from './order-settings';
import { OrderInvoice } from './orders/order-invoice.entity';
import { OrderLine } from './orders/order-line.entity';
import { OrderReturn } from './orders/order-return.entity';
import { OrderShipment } from './orders/order-shipment.entity';
import { OrderTimelineEntry } from './orders/order-timeline-entry.entity';
import { Order } from './orders/order.entity';
import { OrdersModule } from './orders/orders.module';
import { RequestReturnModule } from './request-return/request-return.module';
import { ReservationsModule } from './reservations/reservations.module';
import { SERVICE_NAME } from './service-name';
import { ShipmentsModule } from './shipments/shipments.module';

@Module({})
export class AppModule {
  static register(settings: OrderSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceRuntimeModules({
          serviceName: SERVICE_NAME,
          settings,
          databaseUrl: settings.DATABASE_URL_ORDER,
          entities: [Order, OrderLine, OrderTimelineEntry, OrderShipment, OrderInvoice, OrderReturn, ApiKey],
          migrations: [CreateOrders1763856100000, TrackFulfilment1795431169770],
        }),
        ApiKeysModule,
        // HTTP: place and read, then one module per change a sales channel may ask for.
        OrdersModule,
        AmendOrderModule,
        CancelOrderModule,
        RequestReturnModule,
        // Events in: what inventory, shipping and invoicing report about the order.
        ReservationsModule,
        ShipmentsModule,
        InvoicesModule,
      ],
    };
  }
}
