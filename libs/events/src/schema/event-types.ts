import type { Type } from 'avsc';
import type { EventType } from '../generated/events';
import { EVENT_SCHEMAS, EVENT_TYPES } from '../generated/events';
import { fullName } from './avro-schema';
import { createAvroType } from './avro-types';

const typesByEventType = new Map<EventType, Type>();
const eventTypesByRecordName = new Map<string, EventType>(
  EVENT_TYPES.map((eventType) => [fullName(EVENT_SCHEMAS[eventType]), eventType]),
);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** The local (reader) avsc type of an event, built once per process from the generated schemas. */
export function avroTypeOf(eventType: EventType): Type {
  let type = typesByEventType.get(eventType);
  if (!type) {
    type = createAvroType(EVENT_SCHEMAS[eventType]);
    typesByEventType.set(eventType, type);
  }
  return type;
}

/** Maps a fully qualified record name such as tradeflow.events.OrderPlaced to its event type. */
export function eventTypeOfRecord(recordName: string): EventType | undefined {
  return eventTypesByRecordName.get(recordName);
}
