import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/service';
import type { WebhookPartners } from '@tradeflow/platform';
import { WEBHOOK_PARTNERS } from '@tradeflow/platform';
import { LabelsModule } from './labels/labels.module';
import { OrderedLine } from './orders/ordered-line.entity';
import { OrdersModule } from './orders/orders.module';
import { ReservedQuantity } from './orders/reserved-quantity.entity';
import { ShippingOrder } from './orders/shipping-order.entity';
import { Product } from './products/product.entity';
import { ProductsModule } from './products/products.module';
import { CustomerReturn } from './returns/customer-return.entity';
import { ReturnsModule } from './returns/returns.module';
import { SERVICE_NAME } from './service-name';
import { Shipment } from './shipments/shipment.entity';
import { ShipmentsModule } from './shipments/shipments.module';
import type { ShippingSettings } from './shipping-settings';
import { shippingMigrations } from './migrations';

/** Who may sign webhooks here: the carrier, with its current secret and, during a rotation, the previous one. */
function webhookPartners(settings: ShippingSettings): WebhookPartners {
  const secrets = [settings.CARRIER_WEBHOOK_SECRET, settings.CARRIER_WEBHOOK_PREVIOUS_SECRET].flatMap((secret) => (secret ? [secret.reveal()] : []));
  return { carrier: { secrets, toleranceSeconds: settings.CARRIER_WEBHOOK_TOLERANCE_SECONDS } };
}

@Module({})
export class AppModule {
  static register(settings: ShippingSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceRuntimeModules({
          serviceName: SERVICE_NAME,
          settings,
          databaseUrl: settings.DATABASE_URL_SHIPPING,
          entities: [ShippingOrder, OrderedLine, ReservedQuantity, Shipment, CustomerReturn, Product],
          migrations: shippingMigrations,
        }),
        OrdersModule,
        ShipmentsModule,
        LabelsModule.register(settings),
        ReturnsModule,
        ProductsModule,
      ],
      providers: [{ provide: WEBHOOK_PARTNERS, useValue: webhookPartners(settings) }],
    };
  }
}
