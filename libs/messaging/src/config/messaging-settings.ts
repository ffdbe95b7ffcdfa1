import { ServiceSettings } from '@tradeflow/platform';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

/** Kafka, registry and outbox settings, shared by every service (apps extend this class). */
export class MessagingSettings extends ServiceSettings {
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
  KAFKA_TOPIC_PREFIX = '';

  /** Local default; in Kubernetes topics are KafkaTopic resources and this is false. */
  @IsBoolean()
  KAFKA_CREATE_TOPICS = true;

  @IsInt()
  @Min(1)
  KAFKA_TOPIC_PARTITIONS = 3;

  @IsIn(['', 'scram-sha-256', 'scram-sha-512', 'plain'])
  KAFKA_SASL_MECHANISM = '';

  @IsString()
  KAFKA_SASL_USERNAME = '';

  @IsString()
  KAFKA_SASL_PASSWORD = '';

  @IsBoolean()
  KAFKA_TLS = false;

  @IsString()
  SCHEMA_REGISTRY_USERNAME = '';

  @IsString()
  SCHEMA_REGISTRY_PASSWORD = '';

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 500;

  /** Attempts before a record that keeps failing for a non-transient reason is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS = 3;
}
