import type { Kafka } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';

/** The longest `retention.ms` of `topics` as the broker has them (-1: kept for ever); undefined for no topics. */
export async function longestRetentionMs(kafka: Kafka, topics: readonly string[]): Promise<number | undefined> {
  if (topics.length === 0) return undefined;
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] })),
    });
    const values = resources.flatMap(({ configEntries }) => configEntries.map((entry) => Number(entry.configValue)));
    if (values.length < topics.length || values.some(Number.isNaN)) return undefined;
    return values.some((value) => value < 0) ? -1 : Math.max(...values);
  } finally {
    await admin.disconnect();
  }
}
