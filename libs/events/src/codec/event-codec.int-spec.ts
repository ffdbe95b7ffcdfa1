import { randomUUID } from 'node:crypto';
import { createEvent } from '../create-event';
import { UndecodableEventError } from '../errors';
import { EVENT_SCHEMAS } from '../generated/events';
import { fullName } from '../schema/avro-schema';
import { createAvroType } from '../schema/avro-types';
import { TOPICS } from '../topic-catalogue';
import { ConfluentSchemaRegistryClient } from './confluent-schema-registry-client';
import { EventCodec } from './event-codec';
import { frame } from './wire-format';

function registryUrl(): string {
  const url = process.env['SCHEMA_REGISTRY_URL'];
  if (!url) throw new Error('SCHEMA_REGISTRY_URL is not set: the integration global setup starts the registry and sets it');
  return url;
}

const stockReserved = () =>
  createEvent(
    'StockReserved',
    { orderId: 'ord-1', allocations: [{ lineNo: 1, sku: 'SKU-1', warehouse: 'berlin', quantity: 2 }] },
    { producer: 'inventory', aggregateId: 'ord-1', aggregateVersion: 1, correlationId: randomUUID() },
  );

describe('EventCodec against the schema registry', () => {
  // A fresh prefix per run gives fresh subjects, as a deployment prefix would.
  const topic = `it-${randomUUID().slice(0, 8)}.${TOPICS.reservations.name}`;

  it('registers the composed schema under the topic-record subject and decodes with a separate codec', async () => {
    const event = stockReserved();
    const message = await new EventCodec({ registryUrl: registryUrl() }).encode(event, topic);
    expect(await new EventCodec({ registryUrl: registryUrl() }).decode(message)).toEqual(event);
  });

  it('reuses the schema id of an identical registration', async () => {
    const client = new ConfluentSchemaRegistryClient({ registryUrl: registryUrl() });
    const subject = `${topic}-${fullName(EVENT_SCHEMAS.StockReserved)}`;
    const first = await client.register(subject, EVENT_SCHEMAS.StockReserved);
    expect(await client.register(subject, EVENT_SCHEMAS.StockReserved)).toBe(first);
  });

  it('reads records of a newer compatible writer schema through schema resolution', async () => {
    const newer = { ...EVENT_SCHEMAS.StockReserved, fields: [...EVENT_SCHEMAS.StockReserved.fields, { name: 'note', type: 'string', default: '' }] };
    const client = new ConfluentSchemaRegistryClient({ registryUrl: registryUrl() });
    const id = await client.register(`${topic}-${fullName(newer)}`, newer);
    const event = stockReserved();
    const decoded = await new EventCodec({ registryUrl: registryUrl() }).decode(frame(id, createAvroType(newer).toBuffer({ ...event, note: 'x' })));
    expect(decoded).toEqual(event);
  });

  it('reports a schema id the registry does not have as unknown-schema-id', async () => {
    const error = await new EventCodec({ registryUrl: registryUrl() }).decode(frame(987654321, Buffer.alloc(0))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndecodableEventError);
    expect((error as UndecodableEventError).reason).toBe('unknown-schema-id');
  });
});
