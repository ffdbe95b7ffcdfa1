export * from './generated/events';
export type { TopicDefinition, TopicName, ServiceName } from './topic-catalogue';
export {
  ALL_TOPICS,
  EVERY_SERVICE,
  TOPICS,
  deadLetterTopic,
  eventTypesOnTopic,
  messageKeyOf,
  producerOf,
  publishesTo,
  retryTopic,
  topicReaderGroupPrefix,
  topicByName,
  topicOfEvent,
} from './topic-catalogue';
export type { EventMetadata, EventPayload } from './create-event';
export { createEvent } from './create-event';
export type { UndecodableReason } from './errors';
export { InvalidEventError, UndecodableEventError } from './errors';
export { assertValidEvent } from './schema/event-validation';
export { isEventType } from './schema/event-types';
export type { EventCodecOptions } from './codec/event-codec';
export { EventCodec } from './codec/event-codec';
export type { RegistryAuth, RegistryConnection } from './codec/confluent-schema-registry-client';
export { ConfluentSchemaRegistryClient } from './codec/confluent-schema-registry-client';
export type { SchemaRegistryClient } from './codec/schema-registry-client';
export { SUBJECT_COMPATIBILITY, UnknownSchemaError } from './codec/schema-registry-client';
export { subjectOf } from './codec/subjects';
export type { RegisteredSubject } from './registration/register-event-schemas';
export { registerEventSchemas } from './registration/register-event-schemas';
export { InMemorySchemaRegistry } from './codec/in-memory-schema-registry';
export type { SchemaVersion } from './compatibility';
export { findCompatibilityProblems } from './compatibility';
export type { AvroField, AvroRecordSchema, AvroSchema } from './schema/avro-schema';
