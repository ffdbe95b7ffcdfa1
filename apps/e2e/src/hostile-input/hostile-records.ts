import { randomBytes } from 'node:crypto';

/**
 * Records a broken or malicious producer could write onto a service's input topic, each with the
 * dead-letter reason the consumer must give it. They are made from real records of the topic, so
 * only the one thing named is wrong. Confluent framing: magic byte 0, 4-byte schema id, Avro.
 */
export interface HostileRecord {
  kind: string;
  value: Buffer;
  reason: string;
}

const schemaIdOf = (record: Buffer) => record.readInt32BE(1);

function withSchemaId(record: Buffer, schemaId: number): Buffer {
  const copy = Buffer.from(record);
  copy.writeInt32BE(schemaId, 1);
  return copy;
}

/**
 * `real`: a valid record of the topic; `foreign`: a valid record of another event type, whose
 * schema id is registered but does not describe `real`'s bytes; `maxRecordBytes`: the services'
 * KAFKA_MAX_RECORD_BYTES.
 */
export function hostileRecords(real: Buffer, foreign: Buffer, maxRecordBytes: number): HostileRecord[] {
  return [
    // Never starting with the magic byte 0: one random record in 256 would otherwise read as framed, with a random schema id.
    { kind: 'garbage', value: Buffer.concat([Buffer.from([0xff]), randomBytes(63)]), reason: 'not-wire-format' },
    { kind: 'empty', value: Buffer.alloc(0), reason: 'not-wire-format' },
    { kind: 'truncated-avro', value: real.subarray(0, 5 + Math.floor((real.length - 5) / 2)), reason: 'invalid-payload' },
    { kind: 'unknown-schema-id', value: withSchemaId(real, 2_000_000_000), reason: 'unknown-schema-id' },
    { kind: 'wrong-schema-id', value: withSchemaId(real, schemaIdOf(foreign)), reason: 'invalid-payload' },
    { kind: 'too-large', value: Buffer.concat([real, randomBytes(maxRecordBytes)]), reason: 'record-too-large' },
  ];
}
