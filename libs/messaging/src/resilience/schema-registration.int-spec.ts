import {
  ConfluentSchemaRegistryClient,
  EVENT_SCHEMAS,
  EVENT_TOPICS,
  EVENT_TYPES,
  registerEventSchemas,
  subjectOf,
  SUBJECT_COMPATIBILITY,
} from '@tradeflow/events';
import { eventually, FixtureUnderTest, requiredEnv } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';

describe('schemas registered up front (npm run schemas:register; real registry, Kafka, Postgres)', () => {
  const harness = new FixtureUnderTest();
  const registryUrl = requiredEnv('SCHEMA_REGISTRY_URL');
  const registry = new ConfluentSchemaRegistryClient({ registryUrl });
  const json = async <T>(path: string): Promise<T> => (await fetch(`${registryUrl}${path}`)).json() as Promise<T>;
  const subject = (eventType: (typeof EVENT_TYPES)[number]) => subjectOf(`${harness.prefix}${EVENT_TOPICS[eventType]}`, eventType);
  afterAll(() => harness.stop());

  it('gives every event type of the catalogue its subject, FULL_TRANSITIVE, before any service produces; again changes nothing', async () => {
    // A subject a producer made earlier under the old rule is brought to the new one.
    const approvedSubject = subject('OrderApproved');
    await registry.register(approvedSubject, EVENT_SCHEMAS.OrderApproved);
    await fetch(`${registryUrl}/config/${approvedSubject}`, { method: 'PUT', body: JSON.stringify({ compatibility: 'BACKWARD_TRANSITIVE' }) });

    const registered = await registerEventSchemas(registry, harness.prefix);

    const subjects = await json<string[]>('/subjects');
    expect(EVENT_TYPES.filter((eventType) => !subjects.includes(subject(eventType)))).toEqual([]);
    expect(registered).toHaveLength(EVENT_TYPES.length);
    for (const eventType of ['OrderApproved', 'ShipmentCancelled', 'CreditNoteIssued', 'AuditRecorded'] as const) {
      expect(await json(`/config/${subject(eventType)}`)).toEqual({ compatibilityLevel: SUBJECT_COMPATIBILITY });
    }
    expect(await registerEventSchemas(registry, harness.prefix)).toEqual(registered);
    expect(await json(`/subjects/${subject('OrderPlaced')}/versions`)).toEqual([1]);
  });

  it('a service with auto-registration off publishes with the registered schema and its consumer applies the event', async () => {
    await harness.start({ SCHEMA_AUTO_REGISTER: 'false' });
    const { status, body } = await harness.http<{ eventId: string }>(`/fixture/orders/${randomUUID()}/approvals`, 'ops', { version: 1 });
    expect(status).toBe(201);

    await eventually(() => harness.effectCounts(), (counts) => counts.get(body.eventId) === 1);
    expect(await json(`/subjects/${subject('OrderApproved')}/versions`)).toEqual([1]);
    expect(await harness.recordCount(harness.deadLetterTopic)).toBe(0);
  });
});
