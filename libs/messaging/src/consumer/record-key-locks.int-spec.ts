import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';

const PER_PARTITION = 5;

describe('batches on different partitions sharing a record key (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  // Two partitions consumed at once; each batch is one transaction of 5 × 300 ms.
  beforeAll(() =>
    harness.start({
      KAFKA_TOPIC_PARTITIONS: '2',
      CONSUMER_PARTITIONS_CONCURRENTLY: '2',
      FIXTURE_HANDLER_DELAY_MS: '300',
      CONSUMER_TRANSACTION_TARGET_MS: '60000',
    }),
  );
  afterAll(() => harness.stop());

  it('are applied one after the other, not interleaved', async () => {
    // One aggregate's events on two topics share their key; two partitions of one topic stand in for them here.
    const key = randomUUID();
    const first = Array.from({ length: PER_PARTITION }, (_, index) => approved(key, index + 1));
    const second = Array.from({ length: PER_PARTITION }, (_, index) => approved(key, 100 + index));
    await harness.produce([...first, ...second], {}, (event) => (event.aggregateVersion < 100 ? 0 : 1));

    await eventually(() => harness.effectCounts(), (counts) => counts.size === 2 * PER_PARTITION, { timeoutMs: 30_000 });
    // Effects in the order they were written (the id sequence), by the partition they came from.
    const rows = await harness.query<{ version: number }>(`SELECT version FROM fixture_effects WHERE order_id = $1 ORDER BY id`, [key]);
    const partitions = rows.map((row) => (row.version < 100 ? 0 : 1));
    expect(partitions.filter((partition) => partition === 1)).toHaveLength(PER_PARTITION);
    const switches = partitions.filter((partition, index) => index > 0 && partition !== partitions[index - 1]).length;
    expect(switches).toBe(1);
  }, 60_000);
});
