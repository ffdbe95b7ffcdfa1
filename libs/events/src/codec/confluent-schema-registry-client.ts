import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Type } from 'avsc';
import type { AvroRecordSchema, AvroSchema } from '../schema/avro-schema';
import type { SchemaRegistryClient } from './schema-registry-client';
import { UnknownSchemaError } from './schema-registry-client';

export type RegistryAuth = { username: string; password: string };

export interface RegistryConnection {
  /** A Confluent-compatible API, e.g. http://127.0.0.1:8081/apis/ccompat/v7 for Apicurio. */
  registryUrl: string;
  auth?: RegistryAuth;
}

/** SchemaRegistryClient over @kafkajs/confluent-schema-registry, which retries transient HTTP failures itself. */
export class ConfluentSchemaRegistryClient implements SchemaRegistryClient {
  private readonly registry: SchemaRegistry;

  constructor({ registryUrl, auth }: RegistryConnection) {
    this.registry = new SchemaRegistry({ host: registryUrl, auth, clientId: 'tradeflow-events' });
  }

  async register(subject: string, schema: AvroRecordSchema): Promise<number> {
    try {
      const { id } = await this.registry.register(
        { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
        // Sets the subject's compatibility on first registration; a subject configured otherwise is refused.
        { subject, compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE },
      );
      return id;
    } catch (error) {
      throw new Error(`Registering schema subject ${subject} failed: ${(error as Error).message}`, { cause: error });
    }
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
