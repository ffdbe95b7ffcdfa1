import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { EventConsumer } from './event-consumer';

/** What Postgres raises in the transaction it aborts to break a deadlock. */
function deadlockDetected(): Error {
  return Object.assign(new Error('deadlock detected'), { code: '40P01' });
}

describe('a batch transaction that loses a deadlock (real Kafka)', () => {
  const harness = new FixtureUnderTest();
  let consumer: EventConsumer | undefined;
  afterAll(async () => {
    await consumer?.stop();
    await harness.stop();
  });

  it('runs again at once, without pausing its partition as for an outage', async () => {
    const admin = harness.kafkaClient.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: harness.topic, numPartitions: 1 }], waitForLeaders: true });
    const events = Array.from({ length: 5 }, () => approved(randomUUID(), 1));
    await harness.produce(events);

    const runs: string[][] = [];
    // A partition paused for the outage backoff is listed as retrying until its records apply.
    const pausedDuringRuns: number[] = [];
    const losesFirstRun = async (batch: { event: { eventId: string } }[]) => {
      runs.push(batch.map(({ event }) => event.eventId));
      pausedDuringRuns.push(consumer?.status().retrying.length ?? -1);
      if (runs.length === 1) throw deadlockDetected();
    };
    const deadLetters = new DeadLetterPublisher(harness.kafkaClient.producer(), harness.deadLetterTopic, harness.groupId);
    consumer = new EventConsumer(harness.kafkaClient, harness.kafka.codec, deadLetters, losesFirstRun, {
      groupId: harness.groupId,
      topics: [harness.topic],
      maxAttempts: 3,
      partitionsConsumedConcurrently: 1,
      transactionTargetMs: 1000,
    });
    await consumer.start();

    const committed = async () => {
      const [topic] = await admin.fetchOffsets({ groupId: harness.groupId, topics: [harness.topic] });
      return Number(topic.partitions[0].offset);
    };
    try {
      await eventually(committed, (offset) => offset === events.length, { timeoutMs: 30_000 });
    } finally {
      await admin.disconnect();
    }
    const ids = events.map((event) => event.eventId);
    expect(runs).toEqual([ids, ids]);
    expect(pausedDuringRuns).toEqual([0, 0]);
  }, 45_000);
});
