import type { DomainEvent, EventType } from './generated/events';
import { EVENT_TOPICS, EVENT_TYPES } from './generated/events';

export type ServiceName = 'order' | 'inventory' | 'shipping' | 'invoicing' | 'crm-sync';

export interface TopicDefinition {
  name: string;
  /** The event field whose value is the Kafka message key, so events of one aggregate keep their order. */
  key: 'orderId' | 'sku' | 'customerId';
  /** The only service that may publish to the topic. */
  producer: ServiceName;
  purpose: string;
}

/** Every topic of DESIGN.md §2. Services take topic names from here, never from string literals. */
export const TOPICS = {
  orders: {
    name: 'tradeflow.orders.v1',
    key: 'orderId',
    producer: 'order',
    purpose: 'The life of a sales order: placed, approved or held, amended, cancelled, returned, completed.',
  },
  reservations: {
    name: 'tradeflow.reservations.v1',
    key: 'orderId',
    producer: 'inventory',
    purpose: 'Stock reserved for, backordered for or released from an order.',
  },
  stock: {
    name: 'tradeflow.stock.v1',
    key: 'sku',
    producer: 'inventory',
    purpose: 'Stock level changes per sku and warehouse, and replenishment requests.',
  },
  shipments: {
    name: 'tradeflow.shipments.v1',
    key: 'orderId',
    producer: 'shipping',
    purpose: 'Shipments created, labelled, dispatched, delivered or cancelled, and returns received.',
  },
  invoices: {
    name: 'tradeflow.invoices.v1',
    key: 'orderId',
    producer: 'invoicing',
    purpose: 'Invoices and credit notes issued, payments received, invoices paid.',
  },
  customers: {
    name: 'tradeflow.customers.v1',
    key: 'customerId',
    producer: 'crm-sync',
    purpose: 'The customer master from the CRM: upserts, duplicates and merges, account holds.',
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
