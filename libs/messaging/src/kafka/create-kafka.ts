import { Logger } from '@nestjs/common';
import type { SASLOptions } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import type { MessagingSettings } from '../config/messaging-settings';

const logger = new Logger('kafkajs');

/**
 * While the broker is down kafkajs logs every refused connection as an error, several a second.
 * The relay and the consumer report the outage themselves (first failure, then a summary), so
 * these go to debug.
 */
const CONNECTION_NOISE = /^(Connection error|Failed to connect to seed broker)/;

/** kafkajs log entries go through the service's logger, so they are JSON with the rest. */
function logCreator() {
  return ({ level, log }: { level: logLevel; log: { message: string } & Record<string, unknown> }) => {
    const { message, ...fields } = log;
    if (CONNECTION_NOISE.test(message)) logger.debug({ ...fields, msg: message });
    else if (level === logLevel.ERROR) logger.error({ ...fields, msg: message });
    else if (level === logLevel.WARN) logger.warn({ ...fields, msg: message });
  };
}

/** What connecting needs, so tools without a service's full settings (the dlq command) connect the same way. */
export type KafkaConnectionSettings = Pick<
  MessagingSettings,
  'KAFKA_BROKERS' | 'KAFKA_TLS' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'
>;

function sasl(settings: KafkaConnectionSettings): SASLOptions | undefined {
  if (!settings.KAFKA_SASL_MECHANISM) return undefined;
  return {
    mechanism: settings.KAFKA_SASL_MECHANISM,
    username: settings.KAFKA_SASL_USERNAME,
    password: settings.KAFKA_SASL_PASSWORD,
  } as SASLOptions;
}

export function createKafka(settings: KafkaConnectionSettings, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: settings.KAFKA_BROKERS.split(','),
    ssl: settings.KAFKA_TLS,
    sasl: sasl(settings),
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
