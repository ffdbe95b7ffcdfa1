import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Type } from 'avsc';
import type { AvroRecordSchema } from '../src/schema/avro-schema';
import { composeEventSchema, parseEnvelopeSchemaFile, parseEventSchemaFile } from '../src/schema/compose-event-schema';

export const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const SCHEMAS_DIRECTORY = join(REPOSITORY_ROOT, 'schemas');
export const ENVELOPE_FILE = 'envelope.avsc';
export const GENERATED_FILE = join(REPOSITORY_ROOT, 'libs/events/src/generated/events.ts');

export interface EventSchemaSource {
  file: string;
  eventType: string;
  topic: string;
  /** The event's own fields only, as written in its file. */
  schema: AvroRecordSchema;
  /** Envelope fields followed by the event's fields: what is registered and used on the wire. */
  composed: AvroRecordSchema;
}

export interface SchemaSet {
  envelope: AvroRecordSchema;
  events: EventSchemaSource[];
}

export interface SchemaFileText {
  file: string;
  text: string;
}

export function readSchemaSet(directory = SCHEMAS_DIRECTORY): SchemaSet {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.avsc') && file !== ENVELOPE_FILE)
    .map((file) => ({ file, text: readFileSync(join(directory, file), 'utf8') }));
  return buildSchemaSet(readFileSync(join(directory, ENVELOPE_FILE), 'utf8'), files);
}

/** Parses and composes every event schema, failing on anything avsc would refuse at runtime. */
export function buildSchemaSet(envelopeText: string, eventFiles: SchemaFileText[]): SchemaSet {
  const envelope = parseEnvelopeSchemaFile(envelopeText, ENVELOPE_FILE);
  const events = eventFiles.map(({ file, text }) => composeSource(envelope, file, text));
  events.sort((a, b) => a.eventType.localeCompare(b.eventType));
  return { envelope, events };
}

export function composeSource(envelope: AvroRecordSchema, file: string, text: string): EventSchemaSource {
  const { schema, topic } = parseEventSchemaFile(text, file);
  const composed = composeEventSchema(envelope, schema);
  try {
    Type.forSchema(composed as Parameters<typeof Type.forSchema>[0]);
  } catch (error) {
    throw new Error(`${file}: not a valid Avro schema once composed with the envelope: ${(error as Error).message}`);
  }
  return { file, eventType: schema.name, topic, schema, composed };
}
