import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/service';
import { AmendOrderModule } from './amend-order/amend-order.module';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApproveOrderModule } from './approve-order/approve-order.module';
import { CancelOrderModule } from './cancel-order/cancel-order.module';
import { CreditModule } from './credit/credit.module';
import { CustomerAccount } from './credit/customer-account.entity';
import { CustomerLedgerEntry } from './credit/customer-ledger-entry.entity';
import { InvoicesModule } from './invoices/invoices.module';
import { ListOrdersModule } from './list-orders/list-orders.module';
import { orderMigrations } from './migrations';
import type { OrderSettings } from './order-settings';
import { OrderInvoice } from './orders/order-invoice.entity';
import { OrderLabelFailure } from './orders/order-label-failure.entity';
import { OrderLine } from './orders/order-line.entity';
import { OrderReturn } from './orders/order-return.entity';
import { OrderShipment } from './orders/order-shipment.entity';
import { OrderTimelineEntry } from './orders/order-timeline-entry.entity';
import { Order } from './orders/order.entity';
import { OrdersModule } from './orders/orders.module';
import { SERVICE_NAME } from './orders/service-name';
import { PlaceOrderModule } from './place-order/place-order.module';
import { Product } from './products/product.entity';
import { ProductsModule } from './products/products.module';
import { RequestReturnModule } from './request-return/request-return.module';
import { ReservationsModule } from './reservations/reservations.module';
import { ShipmentsModule } from './shipments/shipments.module';
import type { StuckLimits } from './stuck-orders/stuck-order-rule';
import { StuckOrdersModule } from './stuck-orders/stuck-orders.module';

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
          entities: [Order, OrderLine, OrderTimelineEntry, OrderShipment, OrderInvoice, OrderReturn, OrderLabelFailure, ApiKey, CustomerAccount, CustomerLedgerEntry, Product],
          migrations: orderMigrations,
        }),
        ApiKeysModule,
        // Before OrdersModule: /v1/orders/stuck must be routed before /v1/orders/:id.
        StuckOrdersModule.register(stuckLimits(settings), settings.ORDER_STUCK_COUNT_INTERVAL_SECONDS),
        // HTTP: place and read, then one module per change a sales channel may ask for.
        OrdersModule,
        PlaceOrderModule,
        ListOrdersModule,
        AmendOrderModule,
        CancelOrderModule,
        ApproveOrderModule,
        RequestReturnModule,
        // Events in: the customers the checks need (crm-sync), the products lines may name, and what inventory, shipping and invoicing report.
        CreditModule,
        ProductsModule,
        ReservationsModule,
        ShipmentsModule,
        InvoicesModule,
      ],
    };
  }
}

/** How long an order may wait in each status before it counts as stuck. */
function stuckLimits(settings: OrderSettings): StuckLimits {
  return {
    HELD: settings.ORDER_STUCK_LIMIT_HELD_SECONDS,
    APPROVED: settings.ORDER_STUCK_LIMIT_APPROVED_SECONDS,
    BACKORDERED: settings.ORDER_STUCK_LIMIT_BACKORDERED_SECONDS,
    RESERVED: settings.ORDER_STUCK_LIMIT_RESERVED_SECONDS,
    PARTIALLY_SHIPPED: settings.ORDER_STUCK_LIMIT_PARTIALLY_SHIPPED_SECONDS,
    SHIPPED: settings.ORDER_STUCK_LIMIT_SHIPPED_SECONDS,
  };
}
