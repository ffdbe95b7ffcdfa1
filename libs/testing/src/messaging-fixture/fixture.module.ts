import type { DynamicModule } from '@nestjs/common';
import { Body, Controller, Get, HttpCode, Inject, Module, Param, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { OrderApproved } from '@tradeflow/events';
import { EventContext, TransactionRunner } from '@tradeflow/messaging';
import { serviceRuntimeModules } from '@tradeflow/service';
import { Allow } from '@tradeflow/platform';
import { IsInt, Min } from 'class-validator';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FixtureSettings } from './fixture-settings';
import { CreateFixtureTables1795500000000 } from './fixture-tables.migration';

const FIXTURE_OPTIONS = Symbol('FIXTURE_OPTIONS');

interface FixtureOptions {
  delayMs: number;
  replica: string;
}

/** Records every OrderApproved it applies as a row, and throws for the orders marked failing. */
@Controller()
class FixtureEventsHandler {
  constructor(@Inject(FIXTURE_OPTIONS) private readonly options: FixtureOptions) {}

  @EventPattern('OrderApproved')
  async orderApproved(@Payload() event: OrderApproved, @Ctx() context: EventContext): Promise<void> {
    const { manager } = context.unitOfWork;
    const failing = await manager.query(`SELECT 1 FROM fixture_failing_orders WHERE order_id = $1`, [event.orderId]);
    if (failing.length > 0) throw new TypeError(`fixture bug: cannot apply order ${event.orderId}`);
    if (this.options.delayMs > 0) await sleep(this.options.delayMs);
    await manager.query(`INSERT INTO fixture_effects (event_id, order_id, version, replica) VALUES ($1, $2, $3, $4)`, [
      event.eventId,
      event.orderId,
      event.aggregateVersion,
      this.options.replica,
    ]);
  }
}

class ApprovalDto {
  @IsInt()
  @Min(1)
  version!: number;
}

/** Publishes through the outbox like a real service's HTTP API does. */
@Controller('fixture/orders')
class FixtureOrdersController {
  constructor(private readonly transactions: TransactionRunner) {}

  @Post(':orderId/approvals')
  @HttpCode(201)
  @Allow(['ops'])
  approve(@Param('orderId') orderId: string, @Body() { version }: ApprovalDto): Promise<{ eventId: string }> {
    return this.transactions.run({ producer: 'order', correlationId: orderId }, async (unit) => {
      const payload = { orderId, customerId: 'C-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] };
      return { eventId: unit.publish('OrderApproved', payload, { id: orderId, version }).eventId };
    });
  }
}

/** A route someone forgot to give a policy: the access int-spec shows it is refused, not open. */
@Controller('fixture/undeclared')
class UndeclaredController {
  @Get()
  undeclared(): { open: true } {
    return { open: true };
  }
}

/**
 * A minimal service built only from libs/messaging, for the library's own resilience tests: it
 * consumes OrderApproved and publishes it through the outbox, with nothing of its own in between.
 */
@Module({})
export class FixtureModule {
  static register(settings: FixtureSettings): DynamicModule {
    return {
      module: FixtureModule,
      imports: serviceRuntimeModules({
        serviceName: 'order',
        settings,
        databaseUrl: settings.DATABASE_URL_ORDER,
        entities: [],
        migrations: [CreateFixtureTables1795500000000],
      }),
      controllers: [FixtureEventsHandler, FixtureOrdersController, UndeclaredController],
      providers: [
        { provide: FIXTURE_OPTIONS, useValue: { delayMs: settings.FIXTURE_HANDLER_DELAY_MS, replica: settings.FIXTURE_REPLICA } },
      ],
    };
  }
}
