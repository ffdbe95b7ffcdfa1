import { createEvent } from '../create-event';
import { UndecodableEventError } from '../errors';
import type { OrderApproved } from '../generated/events';
import { EVENT_SCHEMAS } from '../generated/events';
import type { AvroRecordSchema } from '../schema/avro-schema';
import { createAvroType } from '../schema/avro-types';
import { TOPICS } from '../topic-catalogue';
import { EventCodec } from './event-codec';
import { InMemorySchemaRegistry } from './in-memory-schema-registry';
import type { SchemaRegistryClient } from './schema-registry-client';
import { frame } from './wire-format';

const ORDERS = TOPICS.orders.name;

function orderApproved(): OrderApproved {
  return createEvent(
    'OrderApproved',
    { orderId: 'ord-1', customerId: 'cus-1', allowPartialShipment: true, lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 3 }] },
    { producer: 'order', aggregateId: 'ord-1', aggregateVersion: 2, correlationId: 'corr-1', causationId: 'evt-0' },
  );
}

function withFields(schema: AvroRecordSchema, change: (fields: AvroRecordSchema['fields']) => AvroRecordSchema['fields']): AvroRecordSchema {
  return { ...schema, fields: change([...schema.fields]) };
}

async function rejection(promise: Promise<unknown>): Promise<UndecodableEventError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(UndecodableEventError);
  return error as UndecodableEventError;
}

describe('EventCodec', () => {
  let registry: InMemorySchemaRegistry;
  let codec: EventCodec;

  beforeEach(() => {
    registry = new InMemorySchemaRegistry();
    codec = new EventCodec({ registry });
  });

  it('round-trips an event through the Confluent wire format', async () => {
    const event = orderApproved();
    const message = await codec.encode(event, ORDERS);
    expect(message[0]).toBe(0);
    expect(message.readInt32BE(1)).toBe(1);
    expect(await codec.decode(message)).toEqual(event);
  });

  it('registers under TopicRecordNameStrategy, once per subject, honouring a topic prefix', async () => {
    await codec.encode(orderApproved(), ORDERS);
    await codec.encode(orderApproved(), ORDERS);
    await codec.encode(orderApproved(), `staging.${ORDERS}`);
    expect([...registry.subjects.keys()]).toEqual([
      'tradeflow.orders.v1-tradeflow.events.OrderApproved',
      'staging.tradeflow.orders.v1-tradeflow.events.OrderApproved',
    ]);
    expect(registry.calls.register).toBe(2);
  });

  it('fetches a writer schema once per id', async () => {
    const message = await codec.encode(orderApproved(), ORDERS);
    const reader = new EventCodec({ registry });
    await Promise.all([reader.decode(message), reader.decode(message), reader.decode(message)]);
    expect(registry.calls.getSchema).toBe(1);
  });

  it('refuses to encode an invalid event or one sent to another topic', async () => {
    const event = { ...orderApproved(), aggregateVersion: 'two' } as unknown as OrderApproved;
    await expect(codec.encode(event, ORDERS)).rejects.toThrow('aggregateVersion: expected int, got string');
    await expect(codec.encode(orderApproved(), TOPICS.reservations.name)).rejects.toThrow(
      'OrderApproved belongs on tradeflow.orders.v1, not on tradeflow.reservations.v1',
    );
  });

  describe('schema resolution', () => {
    it('reads records from an older writer that lacked a field the reader gives a default', async () => {
      const older = withFields(EVENT_SCHEMAS.OrderApproved, (fields) => fields.filter((field) => field.name !== 'causationId'));
      const olderEvent: Partial<OrderApproved> = orderApproved();
      delete olderEvent.causationId;
      const id = await registry.register('older', older);
      const decoded = await codec.decode(frame(id, createAvroType(older).toBuffer(olderEvent)));
      expect(decoded).toEqual({ ...olderEvent, causationId: null });
    });

    it('ignores fields added by a newer writer', async () => {
      const newer = withFields(EVENT_SCHEMAS.OrderApproved, (fields) => [...fields, { name: 'priority', type: 'int', default: 0 }]);
      const event = orderApproved();
      const id = await registry.register('newer', newer);
      expect(await codec.decode(frame(id, createAvroType(newer).toBuffer({ ...event, priority: 5 })))).toEqual(event);
    });
  });

  describe('permanent failures, which the messaging library dead-letters', () => {
    it('not-wire-format: no magic byte', async () => {
      expect((await rejection(codec.decode(Buffer.from('{"orderId":"x"}')))).reason).toBe('not-wire-format');
      expect((await rejection(codec.decode(Buffer.from([0, 0])))).reason).toBe('not-wire-format');
    });

    it('unknown-schema-id: the registry has no such schema', async () => {
      const error = await rejection(codec.decode(frame(42, Buffer.alloc(3))));
      expect(error.reason).toBe('unknown-schema-id');
      expect(error.details.schemaId).toBe(42);
    });

    it('unknown-event-type: a record this build does not know', async () => {
      const id = await registry.register('x', { type: 'record', name: 'OrderTeleported', namespace: 'tradeflow.events', fields: [] });
      const error = await rejection(codec.decode(frame(id, Buffer.alloc(0))));
      expect(error.reason).toBe('unknown-event-type');
      expect(error.message).toContain('tradeflow.events.OrderTeleported');
    });

    it('incompatible-schema: the writer lacks a field the reader needs', async () => {
      const broken = withFields(EVENT_SCHEMAS.OrderApproved, (fields) => fields.filter((field) => field.name !== 'customerId'));
      const id = await registry.register('broken', broken);
      expect((await rejection(codec.decode(frame(id, Buffer.alloc(0))))).reason).toBe('incompatible-schema');
    });

    it('invalid-payload: truncated Avro data', async () => {
      const message = await codec.encode(orderApproved(), ORDERS);
      expect((await rejection(codec.decode(message.subarray(0, message.length - 4)))).reason).toBe('invalid-payload');
    });

    it('invalid-payload: a decoded record that fails validation names the field', async () => {
      const plain = withFields(EVENT_SCHEMAS.OrderApproved, (fields) =>
        fields.map((field) => (field.name === 'eventId' ? { name: 'eventId', type: 'string' } : field)),
      );
      const id = await registry.register('plain', plain);
      const event = { ...orderApproved(), eventId: 'not-a-uuid', eventType: 'OrderPlaced' };
      const error = await rejection(codec.decode(frame(id, createAvroType(plain).toBuffer(event))));
      expect(error.reason).toBe('invalid-payload');
      expect(error.details.problems).toEqual([
        'eventId: expected a UUID string, got string',
        "eventType: expected OrderApproved, the name of the writer's record",
      ]);
    });
  });

  it('with auto-registration off, looks the schema id up and refuses to encode an event whose schema is not registered', async () => {
    const lookingUp = new EventCodec({ registry, autoRegister: false });
    await expect(lookingUp.encode(orderApproved(), ORDERS)).rejects.toThrow(/no such version/);
    expect(registry.subjects.size).toBe(0);

    const registered = await codec.encode(orderApproved(), ORDERS);
    const encoded = await lookingUp.encode(orderApproved(), ORDERS);
    expect(encoded.readInt32BE(1)).toBe(registered.readInt32BE(1));
    expect(registry.calls.register).toBe(1);
  });

  it('leaves registry outages to the caller as transient errors and retries the lookup next time', async () => {
    const message = await codec.encode(orderApproved(), ORDERS);
    let available = false;
    const flaky: SchemaRegistryClient = {
      register: (subject, schema) => registry.register(subject, schema),
      lookup: (subject, schema) => registry.lookup(subject, schema),
      setCompatibility: (subject, level) => registry.setCompatibility(subject, level),
      getSchema: (id) => (available ? registry.getSchema(id) : Promise.reject(new Error('ECONNREFUSED'))),
    };
    const reader = new EventCodec({ registry: flaky });
    const outage = await reader.decode(message).catch((error: unknown) => error);
    expect(outage).not.toBeInstanceOf(UndecodableEventError);
    available = true;
    await expect(reader.decode(message)).resolves.toMatchObject({ eventType: 'OrderApproved' });
  });
});
