import type { OrderApproved } from '@tradeflow/events';
import { createEvent } from '@tradeflow/events';
import type { IHeaders, Producer } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import { join } from 'node:path';
import type { DevClient } from '../oidc/dev-identities';
import type { HttpAnswer, ServiceEndpoints } from '../service-under-test';
import { ServiceUnderTest } from '../service-under-test';
import { fixtureService } from './fixture-service';
import { FixtureSettings } from './fixture-settings';

/** The fixture's `migrate.ts`, run as its own process by the migrations test. */
export const FIXTURE_MIGRATE_SCRIPT = join(__dirname, 'fixture-migrate.ts');

export function approved(orderId: string, version: number): OrderApproved {
  return createEvent(
    'OrderApproved',
    { orderId, customerId: 'C-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] },
    { producer: 'order', aggregateId: orderId, aggregateVersion: version, correlationId: orderId },
  );
}

/**
 * libs/messaging's own tests: the fixture service (a minimal service built only from the library)
 * under test, a producer acting as the upstream service with one connection for the whole test,
 * and queries on the effects the service recorded.
 */
export class FixtureUnderTest extends ServiceUnderTest<FixtureSettings> {
  readonly topic = `${this.prefix}tradeflow.orders.v1`;
  readonly deadLetterTopic = `${this.prefix}${this.consumerGroup}.dlq`;
  readonly retryTopic = `${this.prefix}${this.consumerGroup}.retry`;
  /** The group's id on the broker: KAFKA_TOPIC_PREFIX namespaces groups as it does topics. */
  readonly groupId = `${this.prefix}${this.consumerGroup}`;
  /** Plain kafkajs, for tests that build the library's consumer themselves or look at the broker. */
  readonly kafkaClient: Kafka;
  private producer?: Producer;

  constructor(endpoints?: Partial<ServiceEndpoints>) {
    super({
      definition: fixtureService,
      settings: FixtureSettings,
      endpoints,
      // Quick retries, so tests wait seconds, not minutes; the library's default partitions.
      env: { KAFKA_TOPIC_PARTITIONS: '3', CONSUMER_RETRY_INITIAL_MS: '100', CONSUMER_RETRY_MAX_MS: '1000' },
    });
    this.kafkaClient = new Kafka({ clientId: 'fixture-test', brokers: this.endpoints.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  }

  /** Calls the API (a POST when there is a body) as the development client `as`, or without a credential. */
  async http<T>(path: string, as?: DevClient, body?: object): Promise<HttpAnswer<T> & { headers: Headers }> {
    const response = await this.fetch(body ? 'POST' : 'GET', path, { as, body });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  /** Keyed by order, in one batch; `partitionOf` overrides where the key would send an event. */
  async produce(events: OrderApproved[], headers: IHeaders = {}, partitionOf?: (event: OrderApproved) => number): Promise<void> {
    const messages = await Promise.all(
      events.map(async (event) => ({
        key: event.orderId,
        value: await this.kafka.codec.encode(event, this.topic),
        headers,
        partition: partitionOf?.(event),
      })),
    );
    await (await this.connectedProducer()).send({ topic: this.topic, messages });
  }

  async produceRaw(value: Buffer, key = 'raw'): Promise<void> {
    await (await this.connectedProducer()).send({ topic: this.topic, messages: [{ key, value }] });
  }

  /** How often each event's effect was recorded: exactly-once means every count is 1. */
  async effectCounts(): Promise<Map<string, number>> {
    const rows = await this.query<{ event_id: string; count: number }>(
      `SELECT event_id, count(*)::int AS count FROM fixture_effects GROUP BY event_id`,
    );
    return new Map(rows.map((row) => [row.event_id, row.count]));
  }

  /** Records ever written to a topic (0 when it does not exist). */
  async recordCount(topic: string): Promise<number> {
    const admin = this.kafkaClient.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) return 0;
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, { high }) => sum + Number(high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafkaClient.producer({ allowAutoTopicCreation: true });
      await this.producer.connect();
    }
    return this.producer;
  }
}
