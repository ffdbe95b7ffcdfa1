import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { DeadLetter } from './dead-letter';
import { runDeadLetterCommand } from './dead-letter-command';

describe('a handler bug, its dead letter and the replay after the fix (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  beforeAll(() => harness.start({ KAFKA_TOPIC_PARTITIONS: '1', CONSUMER_MAX_ATTEMPTS: '3' }));
  afterAll(() => harness.stop());

  const list = (query = '') => harness.http<{ count: number; deadLetters: DeadLetter[] }>(`/v1/dead-letters${query}`, 'ops');
  const replay = (selection: object) =>
    harness.http<{ replayed: string[] }>('/v1/dead-letters/replay', 'ops', { justification: 'fixture bug fixed', ...selection });
  /** Publishes a record behind everything so far (one partition) and waits for it: all before it is done. */
  const settle = async () => {
    const marker = approved(randomUUID(), 1);
    await harness.produce([marker]);
    await eventually(() => harness.effectCounts(), (counts) => counts.get(marker.eventId) === 1);
  };

  it('dead-letters the failing event after N attempts, applies the other keys, and replays it exactly once', async () => {
    const bad = approved(randomUUID(), 1);
    const good = [approved(randomUUID(), 1), approved(randomUUID(), 1)];
    await harness.query(`INSERT INTO fixture_failing_orders VALUES ($1)`, [bad.orderId]);
    await harness.produce([good[0], bad, good[1]]);

    const counts = await eventually(() => harness.effectCounts(), (found) => good.every((event) => found.get(event.eventId) === 1));
    expect(counts.has(bad.eventId)).toBe(false);
    const { body } = await eventually(() => list(), (found) => found.body.count === 1);
    const [letter] = body.deadLetters;
    expect(letter).toMatchObject({ eventId: bad.eventId, eventType: 'OrderApproved', key: bad.orderId, reason: 'handler-error' });
    expect(letter).toMatchObject({ errorClass: 'TypeError', attempts: 3, consumer: harness.consumerGroup, originalOffset: '1' });
    expect(letter.errorMessage).toContain('fixture bug');

    // The fix; then a replay by filter. A second identical replay finds nothing left to replay.
    await harness.query(`DELETE FROM fixture_failing_orders`);
    expect((await replay({ ids: ['0:99'] })).body.replayed).toEqual([]);
    expect((await replay({ reason: 'handler-error', eventType: 'OrderApproved' })).body.replayed).toEqual([letter.id]);
    await eventually(() => harness.effectCounts(), (found) => found.get(bad.eventId) === 1);
    expect((await replay({ all: true })).body.replayed).toEqual([]);
    // It went to the group's own retry topic: the public topic, read by every other group, holds only the three originals.
    expect(await harness.recordCount(harness.retryTopic)).toBe(1);
    expect(await harness.recordCount(harness.topic)).toBe(3);

    // Forced again: the inbox absorbs it.
    expect((await replay({ ids: [letter.id], includeReplayed: true })).body.replayed).toEqual([letter.id]);
    await settle();
    expect((await harness.effectCounts()).get(bad.eventId)).toBe(1);

    expect((await list()).body.count).toBe(0);
    const listed: DeadLetter[] = [];
    const print = (line: string) => listed.push(...(JSON.parse(line) as DeadLetter[]));
    const env = { KAFKA_BROKERS: harness.endpoints.kafkaBrokers, KAFKA_TOPIC_PREFIX: harness.prefix };
    expect(await runDeadLetterCommand(['list', '--group', harness.consumerGroup, '--include-replayed', '--json'], env, print)).toBe(0);
    expect(listed).toEqual([expect.objectContaining({ id: letter.id, replayedAt: expect.any(String) })]);
  });

  it('refuses a replay that names nothing', async () => {
    const { status, body } = await replay({});
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/ask for all/);
  });

  it('replays from the command line as well', async () => {
    const bad = approved(randomUUID(), 1);
    await harness.query(`INSERT INTO fixture_failing_orders VALUES ($1)`, [bad.orderId]);
    await harness.produce([bad]);
    const { body } = await eventually(() => list(), (found) => found.body.count === 1);
    await harness.query(`DELETE FROM fixture_failing_orders`);

    const output: string[] = [];
    const env = { KAFKA_BROKERS: harness.endpoints.kafkaBrokers, KAFKA_TOPIC_PREFIX: harness.prefix };
    const argv = ['replay', '--service', 'inventory', '--group', harness.consumerGroup, '--id', body.deadLetters[0].id];
    expect(await runDeadLetterCommand(argv, env, (line) => output.push(line))).toBe(0);
    expect(output.join('\n')).toContain(`replayed 1 dead letter(s) from ${harness.deadLetterTopic}: ${body.deadLetters[0].id}`);
    await eventually(() => harness.effectCounts(), (found) => found.get(bad.eventId) === 1);
  });
});
