import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { DeadLetterView } from '../nest/dto/dead-letter.dto';
import { runDeadLetterCommand } from './dead-letter-command';

interface DeadLetterList {
  count: number;
  deadLetters: DeadLetterView[];
}

describe('dismissing a dead letter that must never apply (real Kafka, registry, Postgres, OpenID provider)', () => {
  const harness = new FixtureUnderTest();
  beforeAll(() => harness.start({ KAFKA_TOPIC_PARTITIONS: '1', CONSUMER_MAX_ATTEMPTS: '1' }));
  afterAll(() => harness.stop());

  const list = (query = '') => harness.http<DeadLetterList>(`/v1/dead-letters${query}`, 'ops');
  const byKey = async (key: string, query = '') => (await list(query)).body.deadLetters.find((letter) => letter.key === key);

  it('shows each letter with its decoded payload or why it does not decode, and every header but the stack', async () => {
    const bad = approved(randomUUID(), 1);
    await harness.query(`INSERT INTO fixture_failing_orders VALUES ($1)`, [bad.orderId]);
    await harness.produce([bad], { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    await harness.produceRaw(Buffer.from('definitely not avro'), 'garbage-payload');
    await eventually(() => list(), (found) => found.body.count === 2);

    const failed = (await byKey(bad.orderId))!;
    expect(failed).toMatchObject({ undecodable: null, payload: { eventId: bad.eventId, eventType: 'OrderApproved', orderId: bad.orderId } });
    expect(failed.headers).toMatchObject({
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      'event-type': 'OrderApproved',
      'dlq-reason': 'handler-error',
      'dlq-consumer': harness.consumerGroup,
    });
    expect(failed.headers).not.toHaveProperty('dlq-error-stack');

    const garbage = (await byKey('garbage-payload'))!;
    expect(garbage).toMatchObject({ payload: null, undecodable: expect.stringMatching(/^not-wire-format: /), dismissedAt: null, dismissReason: null });
  });

  it('dismisses a poison record with a reason: listed as dismissed, audited, left alone by replay --all', async () => {
    await harness.produceRaw(Buffer.from('forged by someone'), 'forged');
    const letter = (await eventually(() => byKey('forged'), (found) => found !== undefined))!;

    const unreasoned = await harness.http<{ message: string }>('/v1/dead-letters/dismiss', 'ops', { ids: [letter.id] });
    expect(unreasoned.status).toBe(400);
    expect((await harness.http('/v1/dead-letters/dismiss', 'auditor', { ids: [letter.id], reason: 'x' })).status).toBe(403);
    expect((await harness.http('/v1/dead-letters/dismiss', 'ops', { ids: ['zero'], reason: 'x' })).status).toBe(400);

    const reason = 'forged record, never to be applied';
    const dismissed = await harness.http('/v1/dead-letters/dismiss', 'ops', { ids: [letter.id, '0:9999'], reason });
    expect(dismissed).toMatchObject({ status: 200, body: { dismissed: [letter.id], skipped: [{ id: '0:9999', why: 'no such dead letter' }] } });
    const again = await harness.http('/v1/dead-letters/dismiss', 'ops', { ids: [letter.id], reason });
    expect(again.body).toEqual({ dismissed: [], skipped: [{ id: letter.id, why: expect.stringMatching(/^already dismissed at /) }] });

    // Open letters no longer include it; asked for, it shows when and why.
    expect(await byKey('forged')).toBeUndefined();
    expect(await byKey('forged', '?includeDismissed=true')).toMatchObject({ id: letter.id, dismissedAt: expect.any(String), dismissReason: reason });

    const audit = await harness.http<{ records: { action: string; targetId: string; reason: string | null }[] }>('/v1/audit?action=dismiss-dead-letters', 'auditor');
    // Newest first: every accepted call is on record, the one that found it already dismissed too.
    expect(audit.body.records).toEqual([
      expect.objectContaining({ action: 'dismiss-dead-letters', targetId: letter.id, reason }),
      expect.objectContaining({ action: 'dismiss-dead-letters', targetId: `${letter.id},0:9999`, reason, actorClient: 'ops' }),
    ]);

    // Replay of everything, and of it by name: it never goes to the retry topic.
    const before = await harness.recordCount(harness.retryTopic);
    const all = await harness.http<{ replayed: string[] }>('/v1/dead-letters/replay', 'ops', { all: true, justification: 'all fixed' });
    expect(all.body.replayed).not.toContain(letter.id);
    const named = await harness.http('/v1/dead-letters/replay', 'ops', { ids: [letter.id], justification: 'try it' });
    expect(named.body).toEqual({ replayed: [], skipped: [{ id: letter.id, why: expect.stringContaining(reason) }] });
    expect(await harness.recordCount(harness.retryTopic)).toBe(before + all.body.replayed.length);
  });

  it('dismisses from the command line as well', async () => {
    await harness.produceRaw(Buffer.from('more garbage'), 'cli-garbage');
    const letter = (await eventually(() => byKey('cli-garbage'), (found) => found !== undefined))!;
    const env = { KAFKA_BROKERS: harness.endpoints.kafkaBrokers, KAFKA_TOPIC_PREFIX: harness.prefix };
    const output: string[] = [];
    const argv = ['dismiss', '--group', harness.consumerGroup, '--id', letter.id, '--reason', 'garbage from a test producer'];
    expect(await runDeadLetterCommand(argv, env, (line) => output.push(line))).toBe(0);
    expect(output.join('\n')).toBe(`dismissed 1 dead letter(s) from ${harness.deadLetterTopic}: ${letter.id}`);
    expect(await byKey('cli-garbage', '?includeDismissed=true')).toMatchObject({ dismissReason: 'garbage from a test producer' });
  });
});
