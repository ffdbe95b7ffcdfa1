import type { AvroRecordSchema, OrderApproved } from '@tradeflow/events';
import { ConfluentSchemaRegistryClient, EVENT_SCHEMAS, findCompatibilityProblems } from '@tradeflow/events';
import { approved, eventually, FixtureUnderTest, requiredEnv } from '@tradeflow/testing';
import { Type } from 'avsc';
import { randomUUID } from 'node:crypto';

type AvscSchema = Parameters<typeof Type.forSchema>[0];

// Test-only versions of OrderApproved, registered under this test's own subject; schemas/ stays as it is.
const v1 = EVENT_SCHEMAS.OrderApproved as AvroRecordSchema;
const v2: AvroRecordSchema = { ...v1, fields: [...v1.fields, { name: 'giftNote', type: ['null', 'string'], default: null }] };
// A new field without a default: v2 readers could not read the records v1 wrote.
const incompatible: AvroRecordSchema = { ...v1, fields: [...v1.fields, { name: 'giftWrap', type: 'boolean' }] };

const avro = (schema: unknown) => Type.forSchema(schema as AvscSchema);

function confluentFrame(schemaId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
}

describe('schema evolution through the registry (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  const registryUrl = requiredEnv('SCHEMA_REGISTRY_URL');
  const registry = new ConfluentSchemaRegistryClient({ registryUrl });
  // TopicRecordNameStrategy, as the codec names subjects.
  const subject = `${harness.topic}-tradeflow.events.OrderApproved`;
  beforeAll(() => harness.start({ KAFKA_TOPIC_PARTITIONS: '1' }));
  afterAll(() => harness.stop());

  it('a v1 consumer applies what a v2 producer writes (a new optional field with a default)', async () => {
    const before = approved(randomUUID(), 1);
    await harness.produce([before]);
    const v2Id = await registry.register(subject, v2);
    const config = await (await fetch(`${registryUrl}/config/${encodeURIComponent(subject)}`)).json();
    expect(config).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });

    const written: OrderApproved & { giftNote: string } = { ...approved(randomUUID(), 1), giftNote: 'for grandma' };
    await harness.produceRaw(confluentFrame(v2Id, avro(v2).toBuffer(written)), written.orderId);
    const counts = await eventually(() => harness.effectCounts(), (found) => found.get(written.eventId) === 1);
    expect(counts.get(before.eventId)).toBe(1);
    expect(await harness.recordCount(harness.deadLetterTopic)).toBe(0);
  });

  it('a v2 consumer reads what a v1 producer wrote, the new field taking its default', async () => {
    const event = approved(randomUUID(), 1);
    const written = await harness.kafka.codec.encode(event, harness.topic);
    // Resolved as the codec does: the writer's schema comes from the registry by the id in the record.
    const writer = avro(await registry.getSchema(written.readInt32BE(1)));
    const reader = avro(v2);
    const read = reader.fromBuffer(written.subarray(5), reader.createResolver(writer)) as OrderApproved & { giftNote: unknown };
    expect(read).toMatchObject({ eventId: event.eventId, orderId: event.orderId, giftNote: null });
  });

  it('refuses an incompatible v2 at registration, as the CI gate (npm run schemas:check) does', async () => {
    await expect(registry.register(subject, incompatible)).rejects.toThrow(/409|incompatible/i);
    const history = [
      { label: 'v1', schema: v1 },
      { label: 'v2', schema: v2 },
    ];
    expect(findCompatibilityProblems('OrderApproved', incompatible, history)).toEqual([
      expect.stringMatching(/giftWrap/),
      expect.stringMatching(/giftWrap/),
    ]);
    expect(findCompatibilityProblems('OrderApproved', v2, history.slice(0, 1))).toEqual([]);
  });
});
