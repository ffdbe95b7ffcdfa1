/** Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then Avro binary. */
const MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;

export function frame(schemaId: number, avroPayload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, avroPayload]);
}

/** Splits a message into schema id and Avro payload, or returns undefined when it is not in the wire format. */
export function unframe(message: Buffer): { schemaId: number; avroPayload: Buffer } | undefined {
  if (message.length < HEADER_LENGTH || message.readUInt8(0) !== MAGIC_BYTE) return undefined;
  return { schemaId: message.readInt32BE(1), avroPayload: message.subarray(HEADER_LENGTH) };
}
