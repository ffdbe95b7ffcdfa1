import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { KeyLanes } from './key-lanes';

const LANES = 2;
const PER_KEY = 4;

/** An order id whose events go to another lane than `other`'s. */
function keyOnAnotherLane(other: string): string {
  const lanes = new KeyLanes(LANES);
  const laneOf = (key: string) => lanes.laneOf({ key: Buffer.from(key), source: { topic: '', partition: 0, offset: '0' } });
  for (;;) {
    const key = randomUUID();
    if (laneOf(key) !== laneOf(other)) return key;
  }
}

describe('batches on different partitions sharing one record key (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  // Two partitions consumed at once; 300 ms per event; no splitting of a batch by time.
  beforeAll(() =>
    harness.start({
      KAFKA_TOPIC_PARTITIONS: '2',
      CONSUMER_PARTITIONS_CONCURRENTLY: '2',
      CONSUMER_KEY_LANES: String(LANES),
      FIXTURE_HANDLER_DELAY_MS: '300',
      CONSUMER_TRANSACTION_TARGET_MS: '60000',
    }),
  );
  afterAll(() => harness.stop());

  it('wait for each other only on that key: the other keys of either batch are applied meanwhile, each key in order', async () => {
    // Partition 0: one order's events. Partition 1: one event of that order, then another order's.
    // Before key lanes, each batch was one transaction holding all of its keys, so the second
    // order waited for the whole of the first order's batch (or held it up for the whole of its own).
    const shared = randomUUID();
    const other = keyOnAnotherLane(shared);
    const first = Array.from({ length: PER_KEY }, (_, index) => approved(shared, index + 1));
    const second = [approved(shared, 100), ...Array.from({ length: PER_KEY }, (_, index) => approved(other, index + 1))];
    const partitions = new Map([...first.map((event) => [event.eventId, 0] as const), ...second.map((event) => [event.eventId, 1] as const)]);
    await harness.produce([...first, ...second], {}, (event) => partitions.get(event.eventId)!);

    const total = first.length + second.length;
    await eventually(() => harness.effectCounts(), (counts) => counts.size === total, { timeoutMs: 30_000 });
    // Effects in the order the handlers wrote them (the id sequence).
    const rows = await harness.query<{ order_id: string; version: number }>(`SELECT order_id, version FROM fixture_effects ORDER BY id`);
    expect(rows).toHaveLength(total);
    const versionsOf = (key: string) => rows.filter((row) => row.order_id === key).map((row) => row.version);
    expect(versionsOf(other)).toEqual([1, 2, 3, 4]);
    // The shared order: one partition's events after the other's, never interleaved.
    expect([[1, 2, 3, 4, 100].join(), [100, 1, 2, 3, 4].join()]).toContain(versionsOf(shared).join());
    // The other order's events came while the shared order's were being applied.
    const positions = (key: string) => rows.flatMap((row, index) => (row.order_id === key ? [index] : []));
    const sharedSpan = positions(shared);
    const during = positions(other).filter((index) => index > sharedSpan[0] && index < sharedSpan[sharedSpan.length - 1]);
    expect(during.length).toBeGreaterThan(0);
  }, 60_000);
});
