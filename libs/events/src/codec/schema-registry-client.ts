import type { AvroRecordSchema, AvroSchema } from '../schema/avro-schema';

/**
 * The compatibility level of every subject of Tradeflow's topics: any registered version reads
 * records written with any other, so outside consumers upgrade on their own schedule (docs/design.md#compatibility).
 */
export const SUBJECT_COMPATIBILITY = 'FULL_TRANSITIVE';

/** What the codec needs from a schema registry; a fake in memory serves unit tests. */
export interface SchemaRegistryClient {
  /** Registers the schema under the subject (or finds it there) and returns its global id. */
  register(subject: string, schema: AvroRecordSchema): Promise<number>;
  /** The id of the schema as registered under the subject; rejects when it is not registered there. */
  lookup(subject: string, schema: AvroRecordSchema): Promise<number>;
  /** Sets an existing subject's compatibility level; false when the registry has no such subject. */
  setCompatibility(subject: string, level: string): Promise<boolean>;
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
