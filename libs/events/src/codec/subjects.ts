import type { EventType } from '../generated/events';
import { EVENT_SCHEMAS } from '../generated/events';
import { fullName } from '../schema/avro-schema';

/**
 * The registry subject of an event type on a topic: TopicRecordNameStrategy, `<topic>-<record full
 * name>`, so several event types share a topic. `topic` is the actual name, deployment prefix included.
 */
export function subjectOf(topic: string, eventType: EventType): string {
  return `${topic}-${fullName(EVENT_SCHEMAS[eventType])}`;
}
