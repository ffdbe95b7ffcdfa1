import type { AvroRecordSchema, AvroSchema } from '../schema/avro-schema';

/** What the codec needs from a schema registry; a fake in memory serves unit tests. */
export interface SchemaRegistryClient {
  /** Registers the schema under the subject (or finds it there) and returns its global id. */
  register(subject: string, schema: AvroRecordSchema): Promise<number>;
  /** The schema with that id; rejects with UnknownSchemaError when the registry has none. */
  getSchema(id: number): Promise<AvroSchema>;
}

/** The registry answered that it has no (Avro) schema with this id: retrying will not help. */
export class UnknownSchemaError extends Error {
  override readonly name = 'UnknownSchemaError';

  constructor(
    readonly schemaId: number,
    detail = 'not found in the schema registry',
  ) {
    super(`Schema ${schemaId} ${detail}`);
  }
}
