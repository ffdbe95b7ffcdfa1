import type { AvroRecordSchema } from './avro-schema';
import { EVENT_NAMESPACE, isRecordSchema } from './avro-schema';

/**
 * The schema registered and used on the wire: the event's record with the envelope's fields in
 * front of its own. The `topic` attribute is left out because the actual topic may carry a
 * deployment prefix.
 */
export function composeEventSchema(envelope: AvroRecordSchema, event: AvroRecordSchema): AvroRecordSchema {
  const envelopeFieldNames = new Set(envelope.fields.map((field) => field.name));
  const clash = event.fields.find((field) => envelopeFieldNames.has(field.name));
  if (clash) {
    throw new Error(`${event.name}: field '${clash.name}' is already an envelope field`);
  }
  const composed: AvroRecordSchema = { ...event, type: 'record', fields: [...envelope.fields, ...event.fields] };
  delete composed['topic'];
  return composed;
}

/** Reads one `schemas/*.avsc` event file and checks the conventions the rest of the library relies on. */
export function parseEventSchemaFile(text: string, fileName: string): { schema: AvroRecordSchema; topic: string } {
  const schema: unknown = JSON.parse(text);
  if (!isRecordSchema(schema)) {
    throw new Error(`${fileName}: expected an Avro record with a name and fields`);
  }
  if (schema.namespace !== EVENT_NAMESPACE) {
    throw new Error(`${fileName}: namespace must be '${EVENT_NAMESPACE}'`);
  }
  const expectedFile = `${kebabCase(schema.name)}.avsc`;
  if (!fileName.endsWith(expectedFile)) {
    throw new Error(`${fileName}: record ${schema.name} belongs in ${expectedFile}`);
  }
  if (typeof schema['topic'] !== 'string' || schema['topic'] === '') {
    throw new Error(`${fileName}: missing the "topic" attribute naming the event's topic`);
  }
  return { schema, topic: schema['topic'] };
}

export function parseEnvelopeSchemaFile(text: string, fileName: string): AvroRecordSchema {
  const schema: unknown = JSON.parse(text);
  if (!isRecordSchema(schema)) {
    throw new Error(`${fileName}: expected an Avro record with a name and fields`);
  }
  return schema;
}

export function kebabCase(recordName: string): string {
  return recordName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
