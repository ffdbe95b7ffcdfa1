import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { EventConsumer } from './event-consumer';

/** The broker's smallest allowed session timeout (group.min.session.timeout.ms). */
const SESSION_TIMEOUT_MS = 6000;

describe('a batch that takes longer than the session timeout (real Kafka)', () => {
  const harness = new FixtureUnderTest();
  let consumer: EventConsumer | undefined;
  afterAll(async () => {
    await consumer?.stop();
    await harness.stop();
  });

  it('keeps the consumer in its group: the batch is delivered once and its offsets committed', async () => {
    const admin = harness.kafkaClient.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: harness.topic, numPartitions: 1 }], waitForLeaders: true });
    const events = Array.from({ length: 10 }, () => approved(randomUUID(), 1));
    await harness.produce(events);

    const delivered: string[] = [];
    // Every delivery of the batch outlasts the session: a consumer dropped from its group would
    // have its commit refused and get the same batch again, for ever.
    const slowBatch = async (batch: { event: { eventId: string } }[]) => {
      delivered.push(...batch.map(({ event }) => event.eventId));
      await sleep(SESSION_TIMEOUT_MS * 1.5);
    };
    const deadLetters = new DeadLetterPublisher(harness.kafkaClient.producer(), harness.deadLetterTopic, harness.groupId);
    consumer = new EventConsumer(harness.kafkaClient, harness.kafka.codec, deadLetters, slowBatch, {
      groupId: harness.groupId,
      topics: [harness.topic],
      maxAttempts: 3,
      partitionsConsumedConcurrently: 1,
      transactionTargetMs: 1000,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: 1000,
    });
    await consumer.start();

    const committed = async () => {
      const [topic] = await admin.fetchOffsets({ groupId: harness.groupId, topics: [harness.topic] });
      return Number(topic.partitions[0].offset);
    };
    try {
      await eventually(committed, (offset) => offset === events.length, { timeoutMs: 45_000 });
    } finally {
      await admin.disconnect();
    }
    expect(delivered).toEqual(events.map((event) => event.eventId));
  }, 60_000);
});
