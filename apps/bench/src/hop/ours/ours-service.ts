import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { RunningService, ServiceDefinition } from '@tradeflow/service';
import { serviceRuntimeModules, startService } from '@tradeflow/service';
import { loadConfig } from '@tradeflow/platform';
import type { Contender } from '../contender';
import { BenchEffect } from './bench-effect.entity';
import { CreateBenchEffect1795500000000 } from './migrations/1795500000000-create-bench-effect';
import { OrderApprovedHandler } from './order-approved.handler';
import { OursSettings } from './ours-settings';

/** Named inventory because only inventory may publish StockReserved (the topic catalogue says so). */
@Module({})
class OursModule {
  static register(settings: OursSettings): DynamicModule {
    return {
      module: OursModule,
      imports: serviceRuntimeModules({
        serviceName: 'inventory',
        settings,
        databaseUrl: settings.DATABASE_URL_BENCH,
        entities: [BenchEffect],
        migrations: [CreateBenchEffect1795500000000],
      }),
      controllers: [OrderApprovedHandler],
    };
  }
}

/** A service like any other: libs/service's start and runtime modules, Avro via the registry, inbox, outbox, relay. */
export const oursService: ServiceDefinition<OursSettings> = {
  name: 'inventory',
  module: (settings) => OursModule.register(settings),
  description: { title: 'Tradeflow bench hop', description: 'OrderApproved in, one row, StockReserved out.' },
};

export class OursContender implements Contender {
  private running?: RunningService;
  private readonly settings = loadConfig(OursSettings, { ...process.env, PORT: '0', LOG_LEVEL: 'warn' });

  async start(): Promise<void> {
    this.running = await startService(oursService, this.settings);
  }

  async stop(): Promise<void> {
    await this.running?.app.close();
    this.running = undefined;
  }
}
