import type { AvroRecordSchema, AvroSchema } from '../schema/avro-schema';
import type { SchemaRegistryClient } from './schema-registry-client';
import { UnknownSchemaError } from './schema-registry-client';

/** A registry held in memory, for unit tests of code that encodes or decodes events. */
export class InMemorySchemaRegistry implements SchemaRegistryClient {
  private readonly schemas: string[] = [];
  readonly subjects = new Map<string, number[]>();
  readonly compatibility = new Map<string, string>();
  readonly calls = { register: 0, getSchema: 0 };

  register(subject: string, schema: AvroRecordSchema): Promise<number> {
    this.calls.register++;
    const id = this.idOf(JSON.stringify(schema));
    const versions = this.subjects.get(subject) ?? [];
    if (!versions.includes(id)) versions.push(id);
    this.subjects.set(subject, versions);
    return Promise.resolve(id);
  }

  lookup(subject: string, schema: AvroRecordSchema): Promise<number> {
    const id = this.schemas.indexOf(JSON.stringify(schema)) + 1;
    if (id === 0 || !this.subjects.get(subject)?.includes(id)) return Promise.reject(new Error(`${subject} has no such version`));
    return Promise.resolve(id);
  }

  setCompatibility(subject: string, level: string): Promise<boolean> {
    if (!this.subjects.has(subject)) return Promise.resolve(false);
    this.compatibility.set(subject, level);
    return Promise.resolve(true);
  }

  getSchema(id: number): Promise<AvroSchema> {
    this.calls.getSchema++;
    const text = this.schemas[id - 1];
    if (text === undefined) return Promise.reject(new UnknownSchemaError(id));
    return Promise.resolve(JSON.parse(text) as AvroSchema);
  }

  private idOf(text: string): number {
    const index = this.schemas.indexOf(text);
    return index >= 0 ? index + 1 : this.schemas.push(text);
  }
}
