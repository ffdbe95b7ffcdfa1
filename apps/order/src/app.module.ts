import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/messaging';
import { AmendOrderModule } from './amend-order/amend-order.module';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApproveOrderModule } from './approve-order/approve-order.module';
import { CancelOrderModule } from './cancel-order/cancel-order.module';
import { CustomerAccount } from './credit/customer-account.entity';
import { CustomerAccountsModule } from './credit/credit.module';
import { CustomerLedgerEntry } from './credit/customer-ledger-entry.entity';
import { InvoicesModule } from './invoices/invoices.module';
import { ListOrdersModule } from './list-orders/list-orders.module';
import type { OrderSettings } from './order-settings';
import { OrderInvoice } from './orders/order-invoice.entity';
import { OrderLabelFailure } from './orders/order-label-failure.entity';
import { OrderLine } from './orders/order-line.entity';
import { OrderReturn } from './orders/order-return.entity';
import { OrderShipment } from './orders/order-shipment.entity';
import { OrderTimelineEntry } from './orders/order-timeline-entry.entity';
import { Order } from './orders/order.entity';
import { OrdersModule } from './orders/orders.module';
import { RequestReturnModule } from './request-return/request-return.module';
import { ReservationsModule } from './reservations/reservations.module';
import { SERVICE_NAME } from './orders/service-name';
import { ShipmentsModule } from './shipments/shipments.module';
import { StuckOrdersModule } from './stuck-orders/stuck-orders.module';
import { orderMigrations } from './migrations';

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
          entities: [Order, OrderLine, OrderTimelineEntry, OrderShipment, OrderInvoice, OrderReturn, OrderLabelFailure, ApiKey, CustomerAccount, CustomerLedgerEntry],
          migrations: orderMigrations,
        }),
        ApiKeysModule,
        // Before OrdersModule: /v1/orders/stuck must be routed before /v1/orders/:id.
        StuckOrdersModule.register(settings),
        // HTTP: place and read, then one module per change a sales channel may ask for.
        OrdersModule,
        ListOrdersModule,
        AmendOrderModule,
        CancelOrderModule,
        ApproveOrderModule,
        RequestReturnModule,
        // Events in: the customers the checks need (crm-sync), and what inventory, shipping and invoicing report.
        CustomerAccountsModule,
        ReservationsModule,
        ShipmentsModule,
        InvoicesModule,
      ],
    };
  }
}
