import { EnvBoolean } from '@tradeflow/platform';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/**
 * The dlq command reads the same variables as the services, but only Kafka's. The default
 * brokers are the local stack's, so `npm run dlq` works against `npm start` as it is.
 */
export class DeadLetterCommandSettings {
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may contain letters, digits, ".", "_" and "-" only' })
  KAFKA_TOPIC_PREFIX: string = '';

  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]+$/, { message: 'may contain letters, digits, ".", "_" and "-" only' })
  KAFKA_CONSUMER_GROUP?: string;

  @IsIn(['', 'scram-sha-256', 'scram-sha-512', 'plain'])
  KAFKA_SASL_MECHANISM: string = '';

  @IsString()
  KAFKA_SASL_USERNAME: string = '';

  @IsString()
  KAFKA_SASL_PASSWORD: string = '';

  @EnvBoolean()
  KAFKA_TLS: boolean = false;
}
