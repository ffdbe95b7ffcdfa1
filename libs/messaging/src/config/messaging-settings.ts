import { EnvBoolean, HttpServiceSettings } from '@tradeflow/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

/**
 * Kafka, registry, outbox, inbox and consumer settings. A service's settings are validated as one
 * class chain: platform's HttpServiceSettings, these, then libs/service's ServiceSettings, which apps extend.
 */
export class MessagingSettings extends HttpServiceSettings {
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SCHEMA_REGISTRY_URL!: string;

  /** Defaults to the service name; replicas of one service share it. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]+$/, { message: 'may contain letters, digits, ".", "_" and "-" only' })
  KAFKA_CONSUMER_GROUP?: string;

  /** Prepended to every catalogue topic, for environments that share a cluster (and tests). */
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may contain letters, digits, ".", "_" and "-" only' })
  KAFKA_TOPIC_PREFIX: string = '';

  /** Local default; in Kubernetes topics are KafkaTopic resources and this is false. */
  @EnvBoolean()
  KAFKA_CREATE_TOPICS: boolean = true;

  @IsInt()
  @Min(1)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  @IsIn(['', 'scram-sha-256', 'scram-sha-512', 'plain'])
  KAFKA_SASL_MECHANISM: string = '';

  @IsString()
  KAFKA_SASL_USERNAME: string = '';

  @IsString()
  KAFKA_SASL_PASSWORD: string = '';

  @EnvBoolean()
  KAFKA_TLS: boolean = false;

  @IsString()
  SCHEMA_REGISTRY_USERNAME: string = '';

  @IsString()
  SCHEMA_REGISTRY_PASSWORD: string = '';

  /**
   * Register a schema on first use (the local default). Off where only an administrator writes to the
   * registry: schemas are registered up front (npm run schemas:register, the Kubernetes Job) and looked up.
   */
  @EnvBoolean()
  SCHEMA_AUTO_REGISTER: boolean = true;

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 2000;

  /**
   * Inbox rows older than this are removed. It must be longer than the topics this service reads keep
   * their records (retention.ms), so that a redelivered record is still recognised; the sweeper
   * leaves the inbox alone, and logs an error, while it is not.
   */
  @IsInt()
  @Min(1)
  INBOX_RETENTION_DAYS: number = 35;

  /** Published outbox rows and remembered traces older than this are removed (the console's event timeline reaches this far back). */
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_DAYS: number = 35;

  /** How often old inbox and outbox rows are removed, in batches of RETENTION_BATCH_SIZE rows. */
  @IsInt()
  @Min(10)
  RETENTION_INTERVAL_SECONDS: number = 600;

  @IsInt()
  @Min(1)
  @Max(100_000)
  RETENTION_BATCH_SIZE: number = 5000;

  /** Attempts before a record that keeps failing for a non-transient reason is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 3;

  /** First retry delay after a failure; it doubles per attempt (with jitter) up to the maximum. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  CONSUMER_RETRY_INITIAL_MS: number = 500;

  /** Longest wait between retries while a dependency (database, broker, registry) is down. */
  @IsInt()
  @Min(10)
  @Max(600_000)
  CONSUMER_RETRY_MAX_MS: number = 30_000;

  /**
   * Partitions whose batches run at once, each in its own transaction (1 = one at a time). Order is
   * per key, so partitions need not wait for each other; the default matches KAFKA_TOPIC_PARTITIONS'.
   */
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_PARTITIONS_CONCURRENTLY: number = 3;

  /**
   * Key ranges applied at once per replica, each by one writer: a key (an order, a sku) always goes
   * to the same lane, whichever topic or partition its event comes from, so two transactions of a
   * replica never wait for each other on a key. It bounds the service's consumer transactions.
   */
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_KEY_LANES: number = 4;

  /** Fetched bytes per partition per request: the in-flight limit per partition. */
  @IsInt()
  @Min(1024)
  CONSUMER_MAX_BYTES_PER_PARTITION: number = 1_048_576;

  /** Fetched bytes per request over all partitions, so memory stays flat however large the backlog. */
  @IsInt()
  @Min(1024)
  CONSUMER_MAX_BYTES: number = 10_485_760;

  /**
   * How long one transaction of a fetched batch should run. Quick events go in whole batches; slow
   * ones (a backlog on a busy machine) are split so locks are held, and work lost to a deadlock, for
   * about this long, and downstream sees progress.
   */
  @IsInt()
  @Min(10)
  @Max(60_000)
  CONSUMER_TRANSACTION_TARGET_MS: number = 1000;

  /** How long a fetch waits for new records; also the longest delay before a paused partition resumes. */
  @IsInt()
  @Min(10)
  @Max(10_000)
  CONSUMER_MAX_WAIT_MS: number = 500;

  /** A replica that stops heartbeating for this long is dropped and its partitions reassigned. */
  @IsInt()
  @Min(1000)
  @Max(300_000)
  KAFKA_SESSION_TIMEOUT_MS: number = 30_000;

  @IsInt()
  @Min(100)
  @Max(60_000)
  KAFKA_HEARTBEAT_INTERVAL_MS: number = 3_000;

  /**
   * Largest record a service writes or reads (bytes). Below the broker's default message.max.bytes
   * (1 MiB) so a dead letter, which adds headers, still fits. A larger event is refused at write time;
   * a larger incoming record is dead-lettered without its value.
   */
  @IsInt()
  @Min(1024)
  KAFKA_MAX_RECORD_BYTES: number = 1_000_000;
}
