import { EVENT_SCHEMAS, EVENT_TOPICS, EVENT_TYPES } from './generated/events';
import { ALL_TOPICS, deadLetterTopic, eventTypesOnTopic, messageKeyOf, retryTopic, TOPICS, topicByName, topicOfEvent, topicReaderGroupPrefix } from './topic-catalogue';
import { createEvent } from './create-event';

describe('topic catalogue', () => {
  it('lists the eight topics of the design and the audit trail, with distinct names', () => {
    expect(ALL_TOPICS.map((topic) => topic.name)).toEqual([
      'tradeflow.orders.v1',
      'tradeflow.reservations.v1',
      'tradeflow.stock.v1',
      'tradeflow.shipments.v1',
      'tradeflow.invoices.v1',
      'tradeflow.products.v1',
      'tradeflow.availability.v1',
      'tradeflow.customers.v1',
      'tradeflow.audit.v1',
    ]);
  });

  it("puts every event on a catalogue topic, and every event carries its topic's key as a string field", () => {
    for (const eventType of EVENT_TYPES) {
      const topic = topicByName(EVENT_TOPICS[eventType]);
      expect(topic).toBeDefined();
      const keyField = EVENT_SCHEMAS[eventType].fields.find((field) => field.name === topic?.key);
      expect({ eventType, keyType: keyField?.type }).toEqual({ eventType, keyType: 'string' });
    }
  });

  it('compacts only the product master and availability, whose last record per sku is the current one', () => {
    expect(ALL_TOPICS.filter((topic) => topic.cleanupPolicy === 'compact').map((topic) => topic.name)).toEqual([
      'tradeflow.products.v1',
      'tradeflow.availability.v1',
    ]);
    expect(eventTypesOnTopic(TOPICS.products.name)).toEqual(['ProductDiscontinued', 'ProductUpserted']);
    expect(eventTypesOnTopic(TOPICS.availability.name)).toEqual(['AvailabilityChanged']);
  });

  it('derives the event types of a topic from the schema files', () => {
    expect(eventTypesOnTopic(TOPICS.reservations.name)).toEqual(['StockBackordered', 'StockReleased', 'StockReserved']);
    expect(topicOfEvent('OrderPlaced')).toBe(TOPICS.orders);
  });

  it("keys a message by its topic's key field", () => {
    const event = createEvent(
      'StockBackordered',
      { orderId: 'ord-7', lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 1 }] },
      { producer: 'inventory', aggregateId: 'SKU-1', aggregateVersion: 3, correlationId: 'corr-1' },
    );
    expect(messageKeyOf(event)).toBe('ord-7');
  });

  it('names dead-letter and retry topics after the consumer group', () => {
    expect(deadLetterTopic('inventory.order-events')).toBe('inventory.order-events.dlq');
    expect(retryTopic('inventory.order-events')).toBe('inventory.order-events.retry');
    expect(topicReaderGroupPrefix('inventory.dlq')).toBe('inventory.dlq.reader-');
  });
});
