import { Logger } from '@nestjs/common';
import type { SASLOptions } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import type { MessagingSettings } from '../config/messaging-settings';

const logger = new Logger('kafkajs');

/** kafkajs log entries go through the service's logger, so they are JSON with the rest. */
function logCreator() {
  return ({ level, log }: { level: logLevel; log: { message: string } & Record<string, unknown> }) => {
    const { message, ...fields } = log;
    if (level === logLevel.ERROR) logger.error({ ...fields, msg: message });
    else if (level === logLevel.WARN) logger.warn({ ...fields, msg: message });
  };
}

function sasl(settings: MessagingSettings): SASLOptions | undefined {
  if (!settings.KAFKA_SASL_MECHANISM) return undefined;
  return {
    mechanism: settings.KAFKA_SASL_MECHANISM,
    username: settings.KAFKA_SASL_USERNAME,
    password: settings.KAFKA_SASL_PASSWORD,
  } as SASLOptions;
}

export function createKafka(settings: MessagingSettings, clientId: string): Kafka {
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
