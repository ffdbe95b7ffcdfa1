import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import type { ShippingSettings } from '../shipping-settings';
import { CARRIER } from './carrier';
import { LABEL_WORKER_OPTIONS, LabelWorker } from './label.worker';
import type { LabelWorkerOptions } from './label.worker';
import { LocalCarrier } from './local-carrier';

@Module({})
export class LabelsModule {
  static register(settings: ShippingSettings): DynamicModule {
    const options: LabelWorkerOptions = {
      maxAttempts: settings.LABEL_MAX_ATTEMPTS,
      initialMs: settings.LABEL_RETRY_BASE_MS,
      maxMs: settings.LABEL_RETRY_MAX_MS,
      pollIntervalMs: settings.LABEL_POLL_INTERVAL_MS,
      timeoutMs: settings.LABEL_TIMEOUT_MS,
      batchSize: 10,
    };
    return {
      module: LabelsModule,
      imports: [ProductsModule],
      providers: [
        // The only carrier so far; a real one is another Carrier chosen here by a setting.
        { provide: CARRIER, useFactory: () => new LocalCarrier(settings.LOCAL_CARRIER_FAILURE_RATE) },
        { provide: LABEL_WORKER_OPTIONS, useValue: options },
        LabelWorker,
      ],
    };
  }
}
