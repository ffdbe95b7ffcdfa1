import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';

const EVENTS = 30;

describe('a backlog of slow events (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  // One partition, so the backlog arrives as one fetched batch; 200 ms per event, 6 s in all. One
  // key lane, so one writer's transactions are what is seen (several lanes each commit a share at once).
  beforeAll(() =>
    harness.start({
      KAFKA_TOPIC_PARTITIONS: '1',
      CONSUMER_KEY_LANES: '1',
      FIXTURE_HANDLER_DELAY_MS: '200',
      CONSUMER_TRANSACTION_TARGET_MS: '500',
    }),
  );
  afterAll(() => harness.stop());

  it('is applied in transactions of about CONSUMER_TRANSACTION_TARGET_MS: effects commit while the batch is still running', async () => {
    const events = Array.from({ length: EVENTS }, () => approved(randomUUID(), 1));
    await harness.produce(events);

    const seen = new Set<number>();
    const applied = async () => {
      const counts = await harness.effectCounts();
      seen.add(counts.size);
      return counts;
    };
    const counts = await eventually(applied, (found) => found.size === EVENTS, { timeoutMs: 30_000, intervalMs: 100 });
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // One transaction for the batch would show 0, then all of them at once.
    const partial = [...seen].filter((size) => size > 0 && size < EVENTS);
    expect(partial.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
