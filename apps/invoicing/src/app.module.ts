import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { serviceRuntimeModules } from '@tradeflow/service';
import type { WebhookPartners } from '@tradeflow/platform';
import { WEBHOOK_PARTNERS } from '@tradeflow/platform';
import { CreditNoteLine } from './credit-notes/credit-note-line.entity';
import { CreditNote } from './credit-notes/credit-note.entity';
import { CreditNotesModule } from './credit-notes/credit-notes.module';
import { ReceivedReturn } from './credit-notes/received-return.entity';
import { CustomerTerms } from './customers/customer-terms.entity';
import { CustomersModule } from './customers/customers.module';
import { DispatchedShipment } from './invoices/dispatched-shipment.entity';
import { InvoiceCredit } from './invoices/invoice-credit.entity';
import { InvoiceLine } from './invoices/invoice-line.entity';
import { Invoice } from './invoices/invoice.entity';
import { InvoicesModule } from './invoices/invoices.module';
import { Payment } from './invoices/payment.entity';
import { InvoicingSettings } from './invoicing-settings';
import { OrderEventsModule } from './order-events/order-events.module';
import { OrderPriceLine } from './order-prices/order-price-line.entity';
import { OrderPrice } from './order-prices/order-price.entity';
import { PaymentsModule } from './payments/payments.module';
import { Product } from './products/product.entity';
import { ProductsModule } from './products/products.module';
import { ReportsModule } from './reports/reports.module';
import { SERVICE_NAME } from './service-name';
import { invoicingMigrations } from './migrations';

/** Who may sign webhooks here: the payment provider, with its current secret and, during a rotation, the previous one. */
function webhookPartners(settings: InvoicingSettings): WebhookPartners {
  const secrets = [settings.PAYMENT_PROVIDER_WEBHOOK_SECRET, settings.PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET].flatMap((secret) =>
    secret ? [secret.reveal()] : [],
  );
  return { 'payment-provider': { secrets, toleranceSeconds: settings.PAYMENT_PROVIDER_WEBHOOK_TOLERANCE_SECONDS } };
}

/** Makes the validated settings injectable (the payment terms are read when an invoice is issued). */
@Module({})
class SettingsModule {}

@Module({})
export class AppModule {
  static register(settings: InvoicingSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceRuntimeModules({
          serviceName: SERVICE_NAME,
          settings,
          databaseUrl: settings.DATABASE_URL_INVOICING,
          entities: [
            OrderPrice,
            OrderPriceLine,
            Invoice,
            InvoiceLine,
            Payment,
            DispatchedShipment,
            CreditNote,
            CreditNoteLine,
            ReceivedReturn,
            Product,
            InvoiceCredit,
            CustomerTerms,
          ],
          migrations: invoicingMigrations,
        }),
        {
          module: SettingsModule,
          global: true,
          providers: [{ provide: InvoicingSettings, useValue: settings }],
          exports: [InvoicingSettings],
        },
        InvoicesModule,
        CreditNotesModule,
        PaymentsModule,
        OrderEventsModule,
        ProductsModule,
        CustomersModule,
        ReportsModule,
      ],
      providers: [{ provide: WEBHOOK_PARTNERS, useValue: webhookPartners(settings) }],
    };
  }
}
