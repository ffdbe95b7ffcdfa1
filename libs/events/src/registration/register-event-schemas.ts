import { subjectOf } from '../codec/subjects';
import type { SchemaRegistryClient } from '../codec/schema-registry-client';
import { SUBJECT_COMPATIBILITY } from '../codec/schema-registry-client';
import type { EventType } from '../generated/events';
import { EVENT_SCHEMAS, EVENT_TOPICS, EVENT_TYPES } from '../generated/events';

export interface RegisteredSubject {
  eventType: EventType;
  subject: string;
  schemaId: number;
}

/**
 * Registers every event type's schema under its subject and makes the subject FULL_TRANSITIVE, so
 * an integrator sees every event before one is produced and services may run with auto-registration
 * off. Idempotent: a schema already registered keeps its id. A subject that exists already gets its
 * level first (the client refuses to register under a subject configured otherwise); a new one gets
 * it with its first version.
 *
 * @param topicPrefix the deployment's KAFKA_TOPIC_PREFIX, which subjects carry as topics do
 */
export async function registerEventSchemas(registry: SchemaRegistryClient, topicPrefix = ''): Promise<RegisteredSubject[]> {
  const registered: RegisteredSubject[] = [];
  for (const eventType of EVENT_TYPES) {
    const subject = subjectOf(`${topicPrefix}${EVENT_TOPICS[eventType]}`, eventType);
    await registry.setCompatibility(subject, SUBJECT_COMPATIBILITY);
    const schemaId = await registry.register(subject, EVENT_SCHEMAS[eventType]);
    registered.push({ eventType, subject, schemaId });
  }
  return registered;
}
