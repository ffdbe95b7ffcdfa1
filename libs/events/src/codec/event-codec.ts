import type { Resolver, Type } from 'avsc';
import { InvalidEventError, UndecodableEventError } from '../errors';
import type { DomainEvent, EventType } from '../generated/events';
import { EVENT_SCHEMAS, EVENT_TOPICS } from '../generated/events';
import type { AvroSchema } from '../schema/avro-schema';
import { createAvroType } from '../schema/avro-types';
import { avroTypeOf, eventTypeOfRecord } from '../schema/event-types';
import { assertValidEvent, findInvalidFields } from '../schema/event-validation';
import type { RegistryConnection } from './confluent-schema-registry-client';
import { ConfluentSchemaRegistryClient } from './confluent-schema-registry-client';
import type { SchemaRegistryClient } from './schema-registry-client';
import { subjectOf } from './subjects';
import { UnknownSchemaError } from './schema-registry-client';
import { frame, unframe } from './wire-format';

export type EventCodecOptions = (RegistryConnection | { registry: SchemaRegistryClient }) & {
  /**
   * Register a schema the registry does not have yet when an event is first encoded (default).
   * Off, the schema must be registered already (npm run schemas:register) and its id is looked up,
   * as against a production registry that only an administrator writes to.
   */
  autoRegister?: boolean;
};

interface Reader {
  eventType: EventType;
  recordName: string;
  type: Type;
  /** Absent when the writer's schema is the reader's own. */
  resolver?: Resolver;
}

/**
 * Encodes events in the Confluent wire format and decodes them with the local schema of their
 * type, resolving the writer's schema from the registry (Avro schema resolution), so producers and
 * consumers deploy independently. Subjects follow TopicRecordNameStrategy.
 */
export class EventCodec {
  private readonly registry: SchemaRegistryClient;
  private readonly autoRegister: boolean;
  private readonly schemaIdsBySubject = new Map<string, Promise<number>>();
  private readonly readersBySchemaId = new Map<number, Promise<Reader>>();

  constructor(options: EventCodecOptions) {
    this.registry = 'registry' in options ? options.registry : new ConfluentSchemaRegistryClient(options);
    this.autoRegister = options.autoRegister ?? true;
  }

  /** `topic` is the actual topic name, which may carry a deployment prefix before the catalogue name. */
  async encode(event: DomainEvent, topic: string): Promise<Buffer> {
    assertValidEvent(event);
    const expectedTopic = EVENT_TOPICS[event.eventType];
    if (!topic.endsWith(expectedTopic)) {
      throw new InvalidEventError(`${event.eventType} belongs on ${expectedTopic}, not on ${topic}`);
    }
    const schemaId = await this.schemaIdFor(topic, event.eventType);
    return frame(schemaId, avroTypeOf(event.eventType).toBuffer(event));
  }

  /** Rejects with UndecodableEventError when retrying cannot help; any other error is transient. */
  async decode(message: Buffer): Promise<DomainEvent> {
    const framed = unframe(message);
    if (!framed) {
      throw new UndecodableEventError('not-wire-format', 'Message does not start with magic byte 0 and a schema id');
    }
    const { schemaId, avroPayload } = framed;
    const reader = await this.readerFor(schemaId);
    const details = { schemaId, recordName: reader.recordName };
    let event: unknown;
    try {
      event = reader.type.fromBuffer(avroPayload, reader.resolver);
    } catch (error) {
      const reason = `${reader.eventType} with schema ${schemaId} does not decode: ${(error as Error).message}`;
      throw new UndecodableEventError('invalid-payload', reason, { ...details, cause: error });
    }
    const problems = findInvalidFields(reader.type, event);
    if ((event as { eventType?: unknown }).eventType !== reader.eventType) {
      problems.push(`eventType: expected ${reader.eventType}, the name of the writer's record`);
    }
    if (problems.length > 0) {
      const reason = `${reader.eventType} with schema ${schemaId} is invalid: ${problems.join('; ')}`;
      throw new UndecodableEventError('invalid-payload', reason, { ...details, problems });
    }
    return event as DomainEvent;
  }

  private schemaIdFor(topic: string, eventType: EventType): Promise<number> {
    const subject = subjectOf(topic, eventType);
    const schema = EVENT_SCHEMAS[eventType];
    return memoize(this.schemaIdsBySubject, subject, () =>
      this.autoRegister ? this.registry.register(subject, schema) : this.registry.lookup(subject, schema),
    );
  }

  private readerFor(schemaId: number): Promise<Reader> {
    return memoize(this.readersBySchemaId, schemaId, () => this.createReader(schemaId));
  }

  private async createReader(schemaId: number): Promise<Reader> {
    const writerType = await this.writerType(schemaId);
    const recordName = writerType.name ?? writerType.typeName;
    const eventType = eventTypeOfRecord(recordName);
    if (!eventType) {
      const message = `Schema ${schemaId} is for ${recordName}, an event type this build does not know`;
      throw new UndecodableEventError('unknown-event-type', message, { schemaId, recordName });
    }
    const type = avroTypeOf(eventType);
    try {
      // The same schema needs no resolution: reading directly is about twice as fast.
      const resolver = writerType.equals(type) ? undefined : type.createResolver(writerType);
      return { eventType, recordName, type, resolver };
    } catch (error) {
      const message = `${eventType} schema ${schemaId} cannot be read with the local schema: ${(error as Error).message}`;
      throw new UndecodableEventError('incompatible-schema', message, { schemaId, recordName, cause: error });
    }
  }

  private async writerType(schemaId: number): Promise<Type> {
    let schema: AvroSchema;
    try {
      schema = await this.registry.getSchema(schemaId);
    } catch (error) {
      if (error instanceof UnknownSchemaError) {
        throw new UndecodableEventError('unknown-schema-id', error.message, { schemaId, cause: error });
      }
      throw error;
    }
    try {
      return createAvroType(schema);
    } catch (error) {
      const reason = `Schema ${schemaId} is not a usable Avro schema: ${(error as Error).message}`;
      throw new UndecodableEventError('unknown-schema-id', reason, { schemaId, cause: error });
    }
  }
}

/** Caches a pending lookup so concurrent callers share it; a failed lookup is forgotten so it can be retried. */
function memoize<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = load();
  cache.set(key, loading);
  void loading.catch(() => cache.delete(key));
  return loading;
}
