import type { DynamicModule, INestMicroservice, OnApplicationBootstrap } from '@nestjs/common';
import { Controller, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ClientKafka, KafkaOptions } from '@nestjs/microservices';
import { ClientsModule, EventPattern, Payload, Transport } from '@nestjs/microservices';
import type { OrderApproved } from '@tradeflow/events';
import { Pool } from 'pg';
import type { Observable } from 'rxjs';
import type { Contender, ContenderEnvironment } from '../contender';
import { partitionsAtOnce } from '../contender';
import { INSERT_EFFECT } from '../effects';
import { CORRELATION_HEADER, hopTopics, quantityOf, reservationFor } from '../hop-events';

const OUTPUT = Symbol('OUTPUT');
const POOL = Symbol('POOL');

/**
 * The handler as the NestJS docs write it: `@EventPattern(topic)` on the built-in Kafka
 * transport, JSON, one insert per message, then `ClientKafka.emit` of the result. The returned
 * observable is awaited by Nest before the offset moves on (at-least-once, no inbox or outbox).
 * The class is made per run because the topic is the pattern and carries the run's prefix.
 */
function peerController(input: string, output: string) {
  @Controller()
  class ReserveStockController {
    constructor(
      @Inject(POOL) private readonly pool: Pool,
      @Inject(OUTPUT) private readonly client: ClientKafka,
    ) {}

    @EventPattern(input)
    async orderApproved(@Payload() event: OrderApproved): Promise<Observable<unknown>> {
      await this.pool.query(INSERT_EFFECT, [event.eventId, event.orderId, quantityOf(event)]);
      return this.client.emit(output, {
        key: event.orderId,
        value: reservationFor(event),
        headers: { [CORRELATION_HEADER]: event.correlationId },
      });
    }
  }
  return ReserveStockController;
}

@Module({})
class PeerModule implements OnApplicationBootstrap {
  constructor(@Inject(OUTPUT) private readonly client: ClientKafka) {}

  static register(env: ContenderEnvironment, pool: Pool): DynamicModule {
    const topics = hopTopics(env.KAFKA_TOPIC_PREFIX);
    return {
      module: PeerModule,
      imports: [
        ClientsModule.register([
          {
            name: OUTPUT,
            transport: Transport.KAFKA,
            options: { client: { clientId: 'bench-peer', brokers: env.KAFKA_BROKERS.split(',') }, producerOnlyMode: true },
          },
        ]),
      ],
      controllers: [peerController(topics.input, topics.output)],
      providers: [{ provide: POOL, useValue: pool }],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.client.connect();
  }
}

export class PeerContender implements Contender {
  private readonly pool: Pool;
  private app?: INestMicroservice;

  constructor(private readonly env: ContenderEnvironment) {
    this.pool = new Pool({ connectionString: env.DATABASE_URL_BENCH, max: partitionsAtOnce() });
  }

  async start(): Promise<void> {
    const options: KafkaOptions = {
      transport: Transport.KAFKA,
      options: {
        client: { clientId: 'bench-peer', brokers: this.env.KAFKA_BROKERS.split(',') },
        consumer: { groupId: this.env.KAFKA_CONSUMER_GROUP },
        subscribe: { fromBeginning: true },
        run: { partitionsConsumedConcurrently: partitionsAtOnce() },
      },
    };
    this.app = await NestFactory.createMicroservice(PeerModule.register(this.env, this.pool), {
      ...options,
      logger: ['error', 'warn'],
    });
    await this.app.listen();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }
}
