import type { AuditRecorded } from '@tradeflow/events';
import { TOPICS } from '@tradeflow/events';
import { approved, eventually, FixtureUnderTest, TestKafka } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { DeadLetter } from '../dead-letter/dead-letter';

interface AuditList {
  records: { id: string; action: string; targetId: string; reason: string | null }[];
}
const FINAL = 'audit records cannot be changed or removed';

describe('who may call a service, and the audit trail of what they did (real Kafka, registry, Postgres, OpenID provider)', () => {
  const harness = new FixtureUnderTest();
  beforeAll(() => harness.start({ KAFKA_TOPIC_PARTITIONS: '1', CONSUMER_MAX_ATTEMPTS: '1' }));
  afterAll(() => harness.stop());

  it('refuses a call without a credential (401), with the wrong role (403), and to a route that declares no policy (403)', async () => {
    const noCredential = await harness.http<{ message: string }>('/v1/dead-letters');
    expect(noCredential.status).toBe(401);
    expect(noCredential.body.message).toContain('bearer token');
    expect((await harness.http('/v1/dead-letters', 'warehouse')).status).toBe(403);
    expect((await harness.http('/v1/dead-letters', 'nobody')).status).toBe(403);
    expect((await harness.http('/v1/dead-letters', 'auditor')).status).toBe(200);

    const undeclared = await harness.http<{ message: string }>('/fixture/undeclared', 'admin');
    expect(undeclared.status).toBe(403);
    expect(undeclared.body.message).toBe('this route declares no access policy');
  });

  it('records a replay by operations with its justification, once, and publishes it as AuditRecorded', async () => {
    const bad = approved(randomUUID(), 1);
    await harness.query(`INSERT INTO fixture_failing_orders VALUES ($1)`, [bad.orderId]);
    await harness.produce([bad]);
    const listed = await eventually(
      () => harness.http<{ deadLetters: DeadLetter[] }>('/v1/dead-letters', 'ops'),
      (found) => found.body.deadLetters.length === 1,
    );
    const [letter] = listed.body.deadLetters;

    const unjustified = await harness.http<{ message: string }>('/v1/dead-letters/replay', 'ops', { ids: [letter.id] });
    expect(unjustified.status).toBe(400);
    expect(unjustified.body.message).toBe('justification is required: say why you take this action');
    expect((await harness.http('/v1/dead-letters/replay', 'auditor', { ids: [letter.id], justification: 'x' })).status).toBe(403);

    const justification = 'Handler bug fixed in 1.4.2';
    const replayed = await harness.http('/v1/dead-letters/replay', 'ops', { ids: [letter.id], justification });
    expect(replayed).toMatchObject({ status: 200, body: { replayed: [letter.id] } });

    const audit = await harness.http<AuditList>('/v1/audit', 'auditor');
    expect(audit.body.records).toEqual([
      expect.objectContaining({
        action: 'replay-dead-letters',
        targetId: letter.id,
        targets: { ids: letter.id },
        reason: justification,
        actorClient: 'ops',
        actorRoles: ['ops'],
        route: 'POST /v1/dead-letters/replay',
      }),
    ]);
    const kafka = new TestKafka(harness.prefix, harness.endpoints.kafkaBrokers, harness.endpoints.schemaRegistryUrl);
    const [record] = await kafka.readUntil(TOPICS.audit.name, (records) => records.length === 1);
    expect(record.key).toBe(letter.id);
    expect((await kafka.codec.decode(record.value)) as AuditRecorded).toMatchObject({
      eventType: 'AuditRecorded',
      auditId: audit.body.records[0].id,
      action: 'replay-dead-letters',
      targets: { ids: letter.id },
      reason: justification,
      actorClient: 'ops',
    });
  });

  it('keeps audit records final: the database refuses to change or remove one', async () => {
    const before = await harness.query(`SELECT * FROM audit_records`);
    await expect(harness.query(`UPDATE audit_records SET reason = 'nothing happened'`)).rejects.toThrow(FINAL);
    await expect(harness.query(`DELETE FROM audit_records`)).rejects.toThrow(FINAL);
    await expect(harness.query(`TRUNCATE audit_records`)).rejects.toThrow(FINAL);
    expect(await harness.query(`SELECT * FROM audit_records`)).toEqual(before);
  });
});
