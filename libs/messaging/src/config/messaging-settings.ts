import { EnvBoolean, ServiceSettings } from '@tradeflow/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

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

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 500;

  /** Attempts before a record that keeps failing for a non-transient reason is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS: number = 3;
}
