import { randomUUID } from 'node:crypto';
import { topicReaderGroupPrefix } from '@tradeflow/events';
import type { Kafka } from 'kafkajs';
import type { DeadLetterTopicRecord } from './dead-letter';

/**
 * Reads a topic from its start to the end it had when called, handing each record to `visit`.
 * kafkajs has no consumer without a group, so a throwaway group reads (committing nothing) and is
 * deleted afterwards. A topic that does not exist yet reads as empty.
 */
export async function readWholeTopic(
  kafka: Kafka,
  topic: string,
  visit: (record: DeadLetterTopicRecord) => void,
  timeoutMs = 60_000,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await endOffsets(admin, topic);
    if (ends.size === 0) return;
    const groupId = topicReaderGroupPrefix(topic) + randomUUID();
    try {
      await readUntil(kafka, groupId, topic, ends, visit, timeoutMs);
    } finally {
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}

/** End offset per partition that holds records; empty when the topic has none or does not exist. */
async function endOffsets(admin: ReturnType<Kafka['admin']>, topic: string): Promise<Map<number, bigint>> {
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) return new Map();
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(
    offsets.filter(({ high, low }) => BigInt(high) > BigInt(low)).map(({ partition, high }) => [partition, BigInt(high)]),
  );
}

async function readUntil(
  kafka: Kafka,
  groupId: string,
  topic: string,
  ends: Map<number, bigint>,
  visit: (record: DeadLetterTopicRecord) => void,
  timeoutMs: number,
): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const remaining = new Set(ends.keys());
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} did not finish within ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition);
            if (end === undefined) return;
            for (const message of batch.messages) {
              if (BigInt(message.offset) >= end) break;
              visit({ topic, partition: batch.partition, ...message, headers: message.headers ?? {} });
            }
            if (BigInt(batch.lastOffset()) >= end - 1n) remaining.delete(batch.partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
