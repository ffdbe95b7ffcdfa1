/** The JSON form of Avro schemas, as far as this library reads them. */
export type AvroSchema = string | AvroSchema[] | AvroComplexSchema;

export interface AvroComplexSchema {
  type: string | AvroSchema[] | AvroComplexSchema;
  [attribute: string]: unknown;
}

export interface AvroField {
  name: string;
  type: AvroSchema;
  doc?: string;
  default?: unknown;
  aliases?: string[];
}

export interface AvroRecordSchema {
  type: 'record';
  name: string;
  namespace?: string;
  doc?: string;
  fields: AvroField[];
  [attribute: string]: unknown;
}

export const EVENT_NAMESPACE = 'tradeflow.events';

export function isRecordSchema(schema: unknown): schema is AvroRecordSchema {
  if (typeof schema !== 'object' || schema === null) return false;
  const candidate = schema as Partial<AvroRecordSchema>;
  return candidate.type === 'record' && typeof candidate.name === 'string' && Array.isArray(candidate.fields);
}

export function fullName(record: Pick<AvroRecordSchema, 'name' | 'namespace'>): string {
  return record.name.includes('.') || !record.namespace ? record.name : `${record.namespace}.${record.name}`;
}
