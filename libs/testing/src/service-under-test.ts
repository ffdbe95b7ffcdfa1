import type { DomainEvent } from '@tradeflow/events';
import type { RunningService, ServiceDefinition, ServiceSettings } from '@tradeflow/service';
import { startService } from '@tradeflow/service';
import { loadConfig } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDatabase } from './infra/database';
import { databaseUrlVariable } from './infra/settings';
import { requiredEnv, TestKafka, uniqueTopicPrefix } from './kafka/test-kafka';
import { eventually } from './eventually';
import { devAuthorization } from './oidc/dev-access-token';
import type { DevClient } from './oidc/dev-identities';

/**
 * The settings every service started by a test shares: the run's Kafka, registry and OpenID
 * provider, free ports for the API and `/metrics`. A service under test adds its database, topic
 * prefix and consumer group.
 */
export function serviceUnderTestEnv(): Record<string, string> {
  return {
    KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
    SCHEMA_REGISTRY_URL: requiredEnv('SCHEMA_REGISTRY_URL'),
    OIDC_ISSUER_URL: requiredEnv('OIDC_ISSUER_URL'),
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_PORT: '0',
  };
}

/** The broker, registry and Postgres a service under test uses: the run's, unless a test brings its own (outages). */
export interface ServiceEndpoints {
  kafkaBrokers: string;
  schemaRegistryUrl: string;
  adminDatabaseUrl: string;
}

export interface ServiceUnderTestOptions<S extends ServiceSettings> {
  definition: ServiceDefinition<S>;
  settings: new () => S;
  /** This service's settings in every start (secrets, keys, quick timers); a start's overrides win. */
  env?: Record<string, string>;
  endpoints?: Partial<ServiceEndpoints>;
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

export interface HttpRequest {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent byte for byte, for requests signed over their exact body (webhooks); `headers` give its content type. */
  rawBody?: string;
  /** A development client whose bearer token is sent (its roles: DEV_CLIENT_ROLES); none when not given. */
  as?: DevClient;
  headers?: Record<string, string>;
}

/**
 * One service in-process against real Kafka, registry and Postgres, with a database, topic prefix
 * and consumer group of its own, so suites sharing the broker never see each other's records or
 * join each other's groups. A restart keeps database and topics, as a redeployed service would.
 * Each app's `testing/<service>-under-test.ts` extends it with its settings and domain shortcuts.
 */
export class ServiceUnderTest<S extends ServiceSettings> {
  readonly prefix = uniqueTopicPrefix();
  readonly consumerGroup: string;
  readonly endpoints: ServiceEndpoints;
  /** Acts as the other services: publishes onto this service's topics and reads what it published. */
  readonly kafka: TestKafka;
  private databaseUrl?: string;
  private running?: RunningService;

  constructor(private readonly options: ServiceUnderTestOptions<S>) {
    this.consumerGroup = `${options.definition.name}-${randomUUID().slice(0, 8)}`;
    this.endpoints = {
      kafkaBrokers: options.endpoints?.kafkaBrokers ?? requiredEnv('KAFKA_BROKERS'),
      schemaRegistryUrl: options.endpoints?.schemaRegistryUrl ?? requiredEnv('SCHEMA_REGISTRY_URL'),
      adminDatabaseUrl: options.endpoints?.adminDatabaseUrl ?? requiredEnv('DATABASE_ADMIN_URL'),
    };
    this.kafka = new TestKafka(this.prefix, this.endpoints.kafkaBrokers, this.endpoints.schemaRegistryUrl);
  }

  /** The service's database, created on first use. */
  async database(): Promise<string> {
    this.databaseUrl ??= await createDatabase(this.endpoints.adminDatabaseUrl, `${this.options.definition.name}_${randomUUID().slice(0, 8)}`);
    return this.databaseUrl;
  }

  /** The service's whole environment, also for starting it as a process of its own; the database only once created. */
  environment(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      ...serviceUnderTestEnv(),
      KAFKA_BROKERS: this.endpoints.kafkaBrokers,
      SCHEMA_REGISTRY_URL: this.endpoints.schemaRegistryUrl,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_CONSUMER_GROUP: this.consumerGroup,
      // One partition per topic: events arrive in the order the test published them.
      KAFKA_TOPIC_PARTITIONS: '1',
      OUTBOX_POLL_INTERVAL_MS: '200',
      // Logs go to the test file's log (libs/testing/src/jest), shown when a test fails: all of them help then.
      LOG_LEVEL: 'info',
      ...(this.databaseUrl ? { [databaseUrlVariable(this.options.definition.name)]: this.databaseUrl } : {}),
      ...this.options.env,
      ...overrides,
    };
  }

  async start(overrides: Record<string, string> = {}): Promise<this> {
    await this.database();
    this.running = await startService(this.options.definition, loadConfig(this.options.settings, this.environment(overrides)));
    return this;
  }

  async stop(): Promise<void> {
    await this.running?.app.close();
    this.running = undefined;
  }

  async restart(overrides: Record<string, string> = {}): Promise<this> {
    await this.stop();
    return this.start(overrides);
  }

  get service(): RunningService {
    if (!this.running) throw new Error(`${this.options.definition.name} is not running: start it first`);
    return this.running;
  }

  get url(): string {
    return this.service.url;
  }

  /** The service's `/metrics` text, as Prometheus scrapes it. */
  async metrics(): Promise<string> {
    return (await fetch(this.service.metricsUrl)).text();
  }

  /** Calls the API; the answer is read as JSON (an empty one reads as undefined). */
  // Tests read the answers field by field; typing each shape here would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async request<T = any>(method: string, path: string, request: HttpRequest = {}): Promise<HttpAnswer<T>> {
    const response = await this.fetch(method, path, request);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** The same call, answered as it came, for the few tests that look at response headers. */
  async fetch(method: string, path: string, { body, rawBody, as, headers = {} }: HttpRequest = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(as ? await devAuthorization(as) : {}),
        ...headers,
      },
      body: body === undefined ? rawBody : JSON.stringify(body),
    });
  }

  /** Publishes events as their producers would: each on its topic, keyed as the catalogue says. */
  publish(...events: DomainEvent[]): Promise<void> {
    return this.kafka.publish(events);
  }

  /**
   * Waits until the service has applied every one of `events` (each is in its inbox): for a test
   * that needs, say, a product known before an order on another topic, which Kafka does not order.
   */
  async applied(...events: DomainEvent[]): Promise<void> {
    const ids = events.map((event) => event.eventId);
    await eventually(
      () => this.query<{ applied: number }>(`SELECT count(*)::int AS applied FROM inbox WHERE event_id = ANY($1::uuid[])`, [ids]),
      ([{ applied }]) => applied === ids.length,
    );
  }

  /**
   * Decoded events the service published on catalogue topic `topic` under message key `key`, read
   * from the beginning until `enough` accepts their event types.
   */
  async published(topic: string, key: string, enough: (types: string[]) => boolean): Promise<DomainEvent[]> {
    const records = await this.kafka.readUntil(topic, (all) =>
      enough(all.filter((record) => record.key === key).map((record) => String(record.headers['event-type']))),
    );
    return Promise.all(records.filter((record) => record.key === key).map((record) => this.kafka.codec.decode(record.value)));
  }

  /** Queries the service's database on a fresh connection, so it works across a database restart. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: await this.database() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
