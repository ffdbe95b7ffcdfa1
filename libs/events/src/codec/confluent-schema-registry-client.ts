import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import type { COMPATIBILITY } from '@kafkajs/confluent-schema-registry';
import { Type } from 'avsc';
import type { AvroRecordSchema, AvroSchema } from '../schema/avro-schema';
import type { SchemaRegistryClient } from './schema-registry-client';
import { SUBJECT_COMPATIBILITY, UnknownSchemaError } from './schema-registry-client';

export type RegistryAuth = { username: string; password: string };

export interface RegistryConnection {
  /** A Confluent-compatible API, e.g. http://127.0.0.1:8081/apis/ccompat/v7 for Apicurio. */
  registryUrl: string;
  auth?: RegistryAuth;
}

/** SchemaRegistryClient over @kafkajs/confluent-schema-registry, which retries transient HTTP failures itself. */
export class ConfluentSchemaRegistryClient implements SchemaRegistryClient {
  private readonly registry: SchemaRegistry;

  constructor(private readonly connection: RegistryConnection) {
    this.registry = new SchemaRegistry({ host: connection.registryUrl, auth: connection.auth, clientId: 'tradeflow-events' });
  }

  async register(subject: string, schema: AvroRecordSchema): Promise<number> {
    try {
      const { id } = await this.registry.register(
        { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
        // Sets the subject's compatibility on first registration; a subject configured otherwise is refused.
        { subject, compatibility: SUBJECT_COMPATIBILITY as COMPATIBILITY },
      );
      return id;
    } catch (error) {
      throw new Error(`Registering schema subject ${subject} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  async lookup(subject: string, schema: AvroRecordSchema): Promise<number> {
    try {
      return await this.registry.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: JSON.stringify(schema) });
    } catch (error) {
      const reason = `Schema subject ${subject} has no version equal to this build's schema (auto-registration is off: run npm run schemas:register)`;
      throw new Error(`${reason}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** By hand: the client library sets a subject's level only when it registers the subject's first version. */
  async setCompatibility(subject: string, level: string): Promise<boolean> {
    const { registryUrl, auth } = this.connection;
    const headers: Record<string, string> = { 'content-type': 'application/vnd.schemaregistry.v1+json' };
    if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    const response = await fetch(`${registryUrl}/config/${encodeURIComponent(subject)}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ compatibility: level }),
    });
    if (response.status === 404) return false;
    if (!response.ok) throw new Error(`Setting compatibility ${level} on subject ${subject} failed: ${response.status} ${await response.text()}`);
    return true;
  }

  async getSchema(id: number): Promise<AvroSchema> {
    let schema: unknown;
    try {
      schema = await this.registry.getSchema(id);
    } catch (error) {
      if ((error as { status?: unknown }).status === 404) throw new UnknownSchemaError(id);
      throw error;
    }
    if (!Type.isType(schema)) throw new UnknownSchemaError(id, 'is not an Avro schema');
    return (schema as Type).schema({ exportAttrs: true }) as AvroSchema;
  }
}
