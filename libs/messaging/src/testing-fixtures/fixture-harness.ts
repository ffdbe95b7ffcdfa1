import type { OrderApproved } from '@tradeflow/events';
import { createEvent, EventCodec } from '@tradeflow/events';
import { loadConfig } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { createDatabase, devAuthorization, requiredEnv, serviceUnderTestEnv, uniqueTopicPrefix } from '@tradeflow/testing';
import type { IHeaders, Producer } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { RunningService } from '@tradeflow/service';
import { startService } from '@tradeflow/service';
import { fixtureService } from './fixture-service';
import { FixtureSettings } from './fixture-settings';

export interface FixtureEndpoints {
  kafkaBrokers: string;
  schemaRegistryUrl: string;
  adminDatabaseUrl: string;
}

export function sharedEndpoints(): FixtureEndpoints {
  return {
    kafkaBrokers: requiredEnv('KAFKA_BROKERS'),
    schemaRegistryUrl: requiredEnv('SCHEMA_REGISTRY_URL'),
    adminDatabaseUrl: requiredEnv('DATABASE_ADMIN_URL'),
  };
}

export function approved(orderId: string, version: number): OrderApproved {
  return createEvent(
    'OrderApproved',
    { orderId, customerId: 'C-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] },
    { producer: 'order', aggregateId: orderId, aggregateVersion: version, correlationId: orderId },
  );
}

/**
 * One test's world around the fixture service: its own topic prefix, consumer group and database,
 * a producer acting as the upstream service, and queries on the effects the service recorded.
 */
export class FixtureHarness {
  readonly prefix = uniqueTopicPrefix();
  readonly group = `fixture-${randomUUID().slice(0, 8)}`;
  readonly topic = `${this.prefix}tradeflow.orders.v1`;
  readonly deadLetterTopic = `${this.prefix}${this.group}.dlq`;
  readonly retryTopic = `${this.prefix}${this.group}.retry`;
  /** The group's id on the broker: KAFKA_TOPIC_PREFIX namespaces groups as it does topics. */
  readonly groupId = `${this.prefix}${this.group}`;
  readonly kafka: Kafka;
  readonly codec: EventCodec;
  databaseUrl = '';
  service?: RunningService;
  private producer?: Producer;

  constructor(readonly endpoints: FixtureEndpoints = sharedEndpoints()) {
    this.kafka = new Kafka({ clientId: 'fixture-test', brokers: endpoints.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    this.codec = new EventCodec({ registryUrl: endpoints.schemaRegistryUrl });
  }

  async createDatabase(): Promise<string> {
    this.databaseUrl = await createDatabase(this.endpoints.adminDatabaseUrl, `fixture_${randomUUID().slice(0, 8)}`);
    return this.databaseUrl;
  }

  /** The service's environment (the run's OpenID provider, this world's broker and registry): quick retries so tests wait seconds, not minutes. */
  environment(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      ...serviceUnderTestEnv(),
      KAFKA_BROKERS: this.endpoints.kafkaBrokers,
      SCHEMA_REGISTRY_URL: this.endpoints.schemaRegistryUrl,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_CONSUMER_GROUP: this.group,
      DATABASE_URL_FIXTURE: this.databaseUrl,
      LOG_LEVEL: 'error',
      CONSUMER_RETRY_INITIAL_MS: '100',
      CONSUMER_RETRY_MAX_MS: '1000',
      OUTBOX_POLL_INTERVAL_MS: '200',
      ...overrides,
    };
  }

  async startService(overrides: Record<string, string> = {}): Promise<RunningService> {
    if (!this.databaseUrl) await this.createDatabase();
    this.service = await startService(fixtureService, loadConfig(FixtureSettings, this.environment(overrides)));
    return this.service;
  }

  /**
   * Calls the running service's API (a POST when there is a body) with a bearer token of the
   * development client `as`, or without a credential when `as` is not given.
   */
  async http<T>(path: string, as?: DevClient, body?: object): Promise<{ status: number; headers: Headers; body: T }> {
    if (!this.service) throw new Error('start the service before calling its API');
    const response = await fetch(`${this.service.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(as ? await devAuthorization(as) : {}) },
      body: body && JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  /** Keyed by order; `partitionOf` overrides where the key would send an event. */
  async publish(events: OrderApproved[], headers: IHeaders = {}, partitionOf?: (event: OrderApproved) => number): Promise<void> {
    const messages = await Promise.all(
      events.map(async (event) => ({
        key: event.orderId,
        value: await this.codec.encode(event, this.topic),
        headers,
        partition: partitionOf?.(event),
      })),
    );
    await (await this.connectedProducer()).send({ topic: this.topic, messages });
  }

  async publishRaw(value: Buffer, key = 'raw'): Promise<void> {
    await (await this.connectedProducer()).send({ topic: this.topic, messages: [{ key, value }] });
  }

  /** A fresh connection per query, so it works across a database restart. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
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
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) return 0;
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, { high }) => sum + Number(high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.service?.app.close();
    await this.producer?.disconnect();
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
      await this.producer.connect();
    }
    return this.producer;
  }
}
