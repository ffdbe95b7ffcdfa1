import type { DomainEvent, EventType } from './generated/events';
import { EVENT_TOPICS, EVENT_TYPES } from './generated/events';

export type ServiceName = 'order' | 'inventory' | 'shipping' | 'invoicing' | 'crm-sync';

/** A topic every service writes to, each only with records of its own actions (the audit trail). */
export const EVERY_SERVICE = 'every service';

export interface TopicDefinition {
  name: string;
  /** The event field whose value is the Kafka message key, so events of one aggregate keep their order. */
  key: 'orderId' | 'sku' | 'customerId' | 'targetId';
  /**
   * `delete`: records go after the retention time. `compact`: Kafka keeps at least the last record
   * of each key for ever, so a new reader rebuilds the whole current state from the topic.
   */
  cleanupPolicy: 'delete' | 'compact';
  /** The only service that may publish to the topic, or every service for the audit trail. */
  producer: ServiceName | typeof EVERY_SERVICE;
  purpose: string;
}

/** Every topic (docs/design.md#topics). Services take topic names from here, never from string literals. */
export const TOPICS = {
  orders: {
    name: 'tradeflow.orders.v1',
    key: 'orderId',
    cleanupPolicy: 'delete',
    producer: 'order',
    purpose: 'The life of a sales order: placed, approved or held, amended, cancelled, returned, completed.',
  },
  reservations: {
    name: 'tradeflow.reservations.v1',
    key: 'orderId',
    cleanupPolicy: 'delete',
    producer: 'inventory',
    purpose: 'Stock reserved for, backordered for or released from an order.',
  },
  stock: {
    name: 'tradeflow.stock.v1',
    key: 'sku',
    cleanupPolicy: 'delete',
    producer: 'inventory',
    purpose: 'Stock level changes per sku and warehouse, and replenishment requests.',
  },
  shipments: {
    name: 'tradeflow.shipments.v1',
    key: 'orderId',
    cleanupPolicy: 'delete',
    producer: 'shipping',
    purpose: 'Shipments created, labelled, dispatched, delivered, cancelled or not delivered (carrier exceptions), and returns received.',
  },
  invoices: {
    name: 'tradeflow.invoices.v1',
    key: 'orderId',
    cleanupPolicy: 'delete',
    producer: 'invoicing',
    purpose: 'Invoices and credit notes issued, payments received, invoices paid.',
  },
  products: {
    name: 'tradeflow.products.v1',
    key: 'sku',
    cleanupPolicy: 'compact',
    producer: 'inventory',
    purpose: 'The product master (item master): every product with its latest record, compacted by sku so a channel can sync its catalogue from the start.',
  },
  availability: {
    name: 'tradeflow.availability.v1',
    key: 'sku',
    cleanupPolicy: 'compact',
    producer: 'inventory',
    purpose: 'Available-to-sell per sku for the sales channels, its latest figure kept for ever by compaction.',
  },
  customers: {
    name: 'tradeflow.customers.v1',
    key: 'customerId',
    cleanupPolicy: 'delete',
    producer: 'crm-sync',
    purpose: 'The customer master from the CRM: upserts, duplicates and merges, account holds.',
  },
  audit: {
    name: 'tradeflow.audit.v1',
    key: 'targetId',
    cleanupPolicy: 'delete',
    producer: EVERY_SERVICE,
    purpose: 'Every action a person or system took by hand, as the acting service recorded it (who, roles, what, why).',
  },
} as const satisfies Record<string, TopicDefinition>;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS]['name'];

export const ALL_TOPICS: readonly TopicDefinition[] = Object.values(TOPICS);

export function topicByName(name: string): TopicDefinition | undefined {
  return ALL_TOPICS.find((topic) => topic.name === name);
}

/** The topic an event type is published on, as its schema file's "topic" attribute says. */
export function topicOfEvent(eventType: EventType): TopicDefinition {
  const topic = topicByName(EVENT_TOPICS[eventType]);
  if (!topic) throw new Error(`${eventType} names topic ${EVENT_TOPICS[eventType]}, which is not in the catalogue`);
  return topic;
}

/** Whether `service` may publish to `topic`. */
export function publishesTo(service: ServiceName, topic: TopicDefinition): boolean {
  return topic.producer === service || topic.producer === EVERY_SERVICE;
}

/** The one service that publishes `eventType`; refuses the audit trail's events, which every service publishes. */
export function producerOf(eventType: EventType): ServiceName {
  const { producer } = topicOfEvent(eventType);
  if (producer === EVERY_SERVICE) throw new Error(`${eventType} is published by every service; name the producer`);
  return producer;
}

export function eventTypesOnTopic(name: TopicName): EventType[] {
  return EVENT_TYPES.filter((eventType) => EVENT_TOPICS[eventType] === name);
}

/** The Kafka message key of an event: the value of its topic's key field. */
export function messageKeyOf(event: DomainEvent): string {
  const { key } = topicOfEvent(event.eventType);
  const value: unknown = (event as unknown as Record<string, unknown>)[key];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${event.eventType} ${event.eventId} has no ${key} to key its message by`);
  }
  return value;
}

export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}

/** Throwaway consumer groups that read a whole topic once (listing dead letters) are named `<prefix><uuid>`. */
export function topicReaderGroupPrefix(topic: string): string {
  return `${topic}.reader-`;
}

/** Where replayed dead letters go: read by that consumer group alone, so no other reader sees them again. */
export function retryTopic(consumerGroup: string): string {
  return `${consumerGroup}.retry`;
}
