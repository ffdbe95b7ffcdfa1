import type { Infrastructure } from '@tradeflow/testing';
import { approved, eventually, FixtureUnderTest, freePorts, requiredEnv, startInfrastructure, TestKafka } from '@tradeflow/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PartitionRetryStatus } from '../consumer/partition-retries';
import type { OutboxStatus } from '../outbox/outbox-relay';

interface Status {
  outbox: OutboxStatus | { error: string };
  retrying: PartitionRetryStatus[];
}

const OUTAGE_MS = 20_000;

/** Calls `step` every `intervalMs` until stopped, and resolves to what the steps returned. */
function every<T>(intervalMs: number, step: (index: number) => Promise<T>) {
  const results: T[] = [];
  let running = true;
  const loop = (async () => {
    for (let index = 0; running; index++) {
      results.push(await step(index));
      await sleep(intervalMs);
    }
  })();
  return {
    async stop(): Promise<T[]> {
      running = false;
      await loop;
      return results;
    },
  };
}

/**
 * Outages of the service's own dependencies. These stop servers, so the test starts its own Kafka
 * and Postgres (the registry is the shared one) and never touches what other tests use.
 */
describe('database and broker outages (own Kafka and Postgres)', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'tradeflow-outages-'));
  let infrastructure: Infrastructure;
  let harness: FixtureUnderTest;

  beforeAll(async () => {
    // Readable by the `postgres` user that Postgres runs as when the tests run as root.
    chmodSync(stateDir, 0o755);
    const [kafka, kafkaController, postgres] = await freePorts(3);
    const ports = { kafka, kafkaController, postgres };
    infrastructure = await startInfrastructure({ services: [], stateDir, ports, components: ['kafka', 'postgres'] });
    harness = new FixtureUnderTest({
      kafkaBrokers: infrastructure.kafkaBrokers,
      schemaRegistryUrl: requiredEnv('SCHEMA_REGISTRY_URL'),
      adminDatabaseUrl: infrastructure.adminDatabaseUrl!,
    });
    await harness.start({ KAFKA_TOPIC_PARTITIONS: '3', CONSUMER_RETRY_MAX_MS: '2000' });
  }, 240_000);

  afterAll(async () => {
    await harness?.stop();
    await infrastructure?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  const status = async () => (await harness.http<Status>('/v1/messaging/status', 'ops')).body;
  const approve = (orderId: string, version: number) => harness.http<{ eventId: string }>(`/fixture/orders/${orderId}/approvals`, 'ops', { version });

  it('Postgres stopped for 20 s under traffic: consumption pauses, then catches up; no dead letters, nothing lost', async () => {
    const orders = Array.from({ length: 6 }, (_, index) => `db-outage-${index}`);
    const traffic = every(200, async (index) => {
      const event = approved(orders[index % orders.length], Math.floor(index / orders.length) + 1);
      await harness.produce([event]);
      return event;
    });
    await sleep(2000);
    await infrastructure.halt('postgres');
    const haltedAt = Date.now();
    // The consumer waits on the failing record instead of crashing, skipping or dead-lettering it.
    const during = await eventually(status, (found) => found.retrying.length > 0, { timeoutMs: 15_000 });
    expect(during.retrying[0].attempts).toBe(0);
    // An API write meanwhile is told to come back later, not that the server is broken.
    const write = await approve('db-outage-write', 1);
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('5');
    expect(write.body).toMatchObject({ message: expect.stringContaining('unavailable') });
    await sleep(OUTAGE_MS - (Date.now() - haltedAt));
    await infrastructure.resume('postgres');
    await sleep(2000);
    const sent = await traffic.stop();

    const counts = await eventually(
      () => harness.effectCounts(),
      (found) => sent.every((event) => found.get(event.eventId) === 1),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(await harness.recordCount(harness.deadLetterTopic)).toBe(0);
    expect((await status()).retrying).toEqual([]);
  }, 120_000);

  it('Kafka stopped for 20 s: the outbox fills, then drains in order; nothing lost', async () => {
    const orders = Array.from({ length: 4 }, (_, index) => `broker-outage-${index}`);
    // Writes need only the database, so the API keeps answering while the broker is away.
    const writes = every(250, async (index) => {
      const orderId = orders[index % orders.length];
      const version = Math.floor(index / orders.length) + 1;
      const response = await approve(orderId, version);
      expect(response.status).toBe(201);
      return { orderId, version, ...response.body };
    });
    await sleep(2000);
    await infrastructure.halt('kafka');
    await sleep(OUTAGE_MS);
    const backlog = (await status()).outbox as OutboxStatus;
    expect(backlog.count).toBeGreaterThan(40);
    expect(backlog.oldestAgeSeconds).toBeGreaterThan(10);
    await infrastructure.resume('kafka');
    await sleep(1000);
    const written = await writes.stop();

    await eventually(status, (found) => 'count' in found.outbox && found.outbox.count === 0, { timeoutMs: 90_000 });
    const kafka = new TestKafka(harness.prefix, infrastructure.kafkaBrokers, requiredEnv('SCHEMA_REGISTRY_URL'));
    const wanted = new Set(written.map(({ eventId }) => eventId));
    const idOf = (record: { headers: Record<string, unknown> }) => String(record.headers['event-id'] ?? '');
    const allThere = (seen: { headers: Record<string, unknown> }[]) =>
      new Set(seen.map(idOf).filter((id) => wanted.has(id))).size === wanted.size;
    const records = await kafka.readUntil('tradeflow.orders.v1', allThere, 30_000);
    const ours = await Promise.all(records.filter((record) => wanted.has(idOf(record))).map((record) => kafka.codec.decode(record.value)));
    // Per key, in the order written (a resend after the outage may repeat a record, never reorder).
    for (const orderId of orders) {
      const versions = ours.filter((event) => event.aggregateId === orderId).map((event) => event.aggregateVersion);
      const firstSeen = versions.filter((version, index) => versions.indexOf(version) === index);
      expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    }
    const counts = await eventually(
      () => harness.effectCounts(),
      (found) => written.every(({ eventId }) => found.get(eventId) === 1),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(written.every(({ eventId }) => counts.get(eventId) === 1)).toBe(true);
  }, 180_000);
});
