import { approved, eventually, FixtureUnderTest, TestKafka } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { DeadLetter } from '../dead-letter/dead-letter';

/** Confluent framing around bytes that are not Avro, naming a schema id the registry never issued. */
function unknownSchemaRecord(): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(2_000_000_000, 1);
  return Buffer.concat([header, Buffer.from('not avro either')]);
}

describe('poison records (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  // One partition: the poison sits right in front of the valid records, which must still be applied.
  beforeAll(() => harness.start({ KAFKA_TOPIC_PARTITIONS: '1', KAFKA_MAX_RECORD_BYTES: '4096' }));
  afterAll(() => harness.stop());

  const listDeadLetters = async () => (await harness.http<{ deadLetters: DeadLetter[] }>('/v1/dead-letters', 'ops')).body.deadLetters;

  it('dead-letters garbage, an unknown schema id and an oversized record with their reasons, and goes on', async () => {
    await harness.produceRaw(Buffer.from('definitely not avro'), 'garbage-key');
    await harness.produceRaw(unknownSchemaRecord(), 'unknown-schema-key');
    await harness.produceRaw(Buffer.alloc(5000, 1), 'large-key');
    const next = approved(randomUUID(), 1);
    await harness.produce([next]);

    await eventually(() => harness.effectCounts(), (counts) => counts.get(next.eventId) === 1);
    const letters = await eventually(listDeadLetters, (found) => found.length === 3);
    const byKey = new Map(letters.map((letter) => [letter.key, letter]));
    expect(byKey.get('garbage-key')).toMatchObject({
      reason: 'not-wire-format',
      errorClass: 'UndecodableEventError',
      originalTopic: harness.topic,
      originalPartition: 0,
      originalOffset: '0',
      attempts: 1,
      consumer: harness.consumerGroup,
      valueBytes: 19,
      replayedAt: null,
    });
    expect(byKey.get('unknown-schema-key')).toMatchObject({ reason: 'unknown-schema-id', originalOffset: '1' });
    expect(byKey.get('unknown-schema-key')!.errorMessage).toMatch(/2000000000/);
    expect(byKey.get('large-key')).toMatchObject({ reason: 'record-too-large', valueOmitted: true, valueBytes: 5000 });
    for (const letter of letters) {
      expect(Date.parse(letter.firstFailureAt!)).toBeLessThanOrEqual(Date.parse(letter.lastFailureAt!));
    }

    // The dead letter keeps the record byte for byte, for inspection and replay.
    const raw = await new TestKafka(harness.prefix).readUntil(`${harness.consumerGroup}.dlq`, (records) => records.length >= 3);
    const garbage = raw.find((record) => record.key === 'garbage-key')!;
    expect(garbage.value.toString()).toBe('definitely not avro');
    expect(garbage.headers['dlq-original-topic']?.toString()).toBe(harness.topic);
    // The stack stays on the record (the HTTP listing leaves it out).
    expect(garbage.headers['dlq-error-stack']?.toString()).toContain('UndecodableEventError');
  });

  it('skips a replay meant for another consumer group', async () => {
    const foreign = approved(randomUUID(), 1);
    await harness.produce([foreign], { 'dlq-replay-for': 'another-service' });
    const after = approved(randomUUID(), 1);
    await harness.produce([after]);

    const counts = await eventually(() => harness.effectCounts(), (found) => found.get(after.eventId) === 1);
    expect(counts.has(foreign.eventId)).toBe(false);
    expect(await harness.recordCount(harness.deadLetterTopic)).toBe(3);
  });
});
