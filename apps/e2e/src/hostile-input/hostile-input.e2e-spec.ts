import type { EventType } from '@tradeflow/events';
import { createEvent, TOPICS } from '@tradeflow/events';
import type { ReceivedRecord } from '@tradeflow/testing';
import { devAuthorization, eventually, TestKafka } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { expectInvariants } from '../fulfilment/invariants';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice, SliceService } from '../slice';
import { API_KEY, call, startSlice } from '../slice';
import { hostileRecords } from './hostile-records';

const LIMIT = 16_384;
type TopicKey = keyof typeof TOPICS;
/** Each service's input topics: what its @EventPattern handlers read. */
const INPUTS: Record<SliceService, TopicKey[]> = {
  order: ['customers', 'reservations', 'shipments', 'invoices', 'products'],
  inventory: ['orders', 'shipments', 'products', 'availability'],
  shipping: ['orders', 'reservations', 'products'],
  invoicing: ['orders', 'shipments', 'customers', 'products'],
  'crm-sync': ['orders', 'shipments', 'invoices'],
};
/** The last event order 1 puts on each topic (on the products topic, a product it names; on availability, its stock): once it is read, the topic holds all of order 1. */
const LAST_OF_FLOW: Partial<Record<TopicKey, EventType>> = {
  orders: 'OrderCompleted',
  reservations: 'StockReserved',
  shipments: 'ShipmentDelivered',
  invoices: 'InvoicePaid',
  customers: 'CustomerUpserted',
  products: 'ProductUpserted',
  availability: 'AvailabilityChanged',
};
const TOPICS_READ = Object.keys(LAST_OF_FLOW) as TopicKey[];

/**
 * Issue 9, hostile input: garbage, truncated Avro, unknown and wrong schema ids, oversized records,
 * headerless and replayed events onto every input topic are dead-lettered with the right reason or
 * absorbed; the services go on processing, nothing is corrupted. Bodies over the limit get 413.
 * Issue 19: a control character (NUL above all) in a path parameter gets 400, never 500.
 */
describe('hostile Kafka records, oversized HTTP bodies and control characters in paths', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  let kafka: TestKafka;
  const sku = `MUG-${randomUUID().slice(0, 8)}`;
  const laterSku = `TEA-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const limits = { KAFKA_MAX_RECORD_BYTES: String(LIMIT), HTTP_BODY_LIMIT_BYTES: String(LIMIT) };
    slice = await startSlice({ order: limits, inventory: limits, shipping: limits, invoicing: limits, 'crm-sync': limits });
    tradeflow = new TradeflowClient(slice);
    kafka = new TestKafka(slice.prefix);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.registerCustomer('CUST-2');
    await tradeflow.loadProducts(sku, laterSku);
    await tradeflow.receiveStock('BER', [
      { sku, quantity: 10 },
      { sku: laterSku, quantity: 10 },
    ]);
  }, 180_000);
  afterAll(() => slice?.stop());

  /** One order placed, shipped, delivered and paid: COMPLETED. */
  async function completeOrder(customerId: string, orderedSku: string): Promise<string> {
    const orderId = await tradeflow.placeOrder([{ sku: orderedSku, quantity: 2 }], { customerId });
    await tradeflow.shipEverything(orderId, 1);
    const [invoice] = await tradeflow.waitForInvoices(orderId, 1);
    expect((await tradeflow.pay(invoice.id, invoice.totalMinor)).status).toBe(201);
    await tradeflow.waitForOrder(orderId, 'COMPLETED');
    return orderId;
  }

  /**
   * Everything any service shows about order 1 (its customer and sku are its own): a second effect
   * of a replayed event would change some of it.
   */
  async function everythingAbout(orderId: string) {
    const get = async (service: SliceService, path: string) => (await callAs('auditor', 'GET', `${slice[service].url}${path}`)).body;
    return {
      order: await tradeflow.order(orderId),
      reservations: await tradeflow.reservations(orderId),
      stock: await tradeflow.stock(sku),
      shipments: await tradeflow.shipments(orderId),
      invoices: await tradeflow.invoices(orderId),
      account: await get('order', '/v1/customer-accounts/CUST-1'),
      customer: await get('crm-sync', '/v1/customers/CUST-1'),
      activities: await get('crm-sync', '/v1/crm/activities?customerId=CUST-1'),
    };
  }

  /** The topic from its start up to the last event of order 1, as the broker holds it. */
  function recordsOf(topic: TopicKey): Promise<ReceivedRecord[]> {
    return kafka.readUntil(TOPICS[topic].name, (records) => records.some((record) => record.value.includes(LAST_OF_FLOW[topic]!)));
  }

  it('dead-letters poison on every input topic, absorbs replays and headerless events, and keeps processing', async () => {
    const first = await completeOrder('CUST-1', sku);
    const before = await everythingAbout(first);
    const flows = Object.fromEntries(await Promise.all(TOPICS_READ.map(async (topic) => [topic, await recordsOf(topic)] as const)));

    for (const [index, topic] of TOPICS_READ.entries()) {
      const real = flows[topic][0].value;
      const foreign = flows[TOPICS_READ[(index + 1) % TOPICS_READ.length]][0].value;
      for (const hostile of hostileRecords(real, foreign, LIMIT)) await kafka.publishRaw(TOPICS[topic].name, hostile.value, hostile.kind);
      // Every event of order 1 again, byte for byte, without the headers the outbox gave it.
      for (const record of flows[topic]) await kafka.publishRaw(TOPICS[topic].name, record.value, record.key ?? 'replayed');
    }
    // A new, valid event without any header (trace context is optional): applied like any other.
    const headless = createEvent(
      'CustomerUpserted',
      { customerId: 'CUST-HEADLESS', name: 'No Headers Ltd', email: null, taxId: null, status: 'ACTIVE', creditLimitMinor: null, currency: 'EUR', paymentTermsDays: 30, updatedAt: Date.now() },
      { producer: 'crm-sync', aggregateId: 'CUST-HEADLESS', aggregateVersion: 1, correlationId: randomUUID() },
    );
    await kafka.publish([headless], () => 'CUST-HEADLESS');

    // Behind all of that on every topic, a new order still flows end to end.
    const second = await completeOrder('CUST-2', laterSku);
    expect(await tradeflow.customerAccount('CUST-HEADLESS')).toMatchObject({ known: true });

    for (const service of Object.keys(INPUTS) as SliceService[]) {
      const expected = INPUTS[service]
        .flatMap((topic) => hostileRecords(Buffer.alloc(8), Buffer.alloc(8), LIMIT).map(({ kind, reason }) => `${slice.prefix}${TOPICS[topic].name} ${kind} ${reason}`))
        .sort();
      const letters = await eventually(
        async () => (await callAs('ops', 'GET', `${slice[service].url}/v1/dead-letters?limit=1000`)).body.deadLetters as { originalTopic: string; key: string; reason: string }[],
        (found) => found.length >= expected.length,
      );
      expect({ service, letters: letters.map((letter) => `${letter.originalTopic} ${letter.key} ${letter.reason}`).sort() }).toEqual({ service, letters: expected });
    }
    expect(await everythingAbout(first)).toEqual(before);
    await expectInvariants(tradeflow, first);
    await expectInvariants(tradeflow, second);
  }, 300_000);

  it('answers 413 to a JSON or form body over HTTP_BODY_LIMIT_BYTES on every write operation of every service, and stays up', async () => {
    const tooLarge = [
      { type: 'application/json', body: JSON.stringify({ padding: 'x'.repeat(LIMIT) }) },
      { type: 'application/x-www-form-urlencoded', body: `padding=${'x'.repeat(LIMIT)}` },
    ];
    for (const service of Object.keys(INPUTS) as SliceService[]) {
      const document = (await call('GET', `${slice[service].url}/docs-json`)).body;
      const writes = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).filter((method) => method === 'post' || method === 'patch' || method === 'put').map((method) => [method, path]),
      );
      expect(writes.length).toBeGreaterThan(0);
      for (const [method, path] of writes) {
        const url = `${slice[service].url}${path.replace(/\{[^}]+\}/g, randomUUID())}`;
        for (const { type, body } of tooLarge) {
          const response = await fetch(url, { method: method.toUpperCase(), headers: { 'content-type': type, 'x-api-key': API_KEY }, body });
          expect({ service, method, path, type, status: response.status }).toEqual({ service, method, path, type, status: 413 });
        }
      }
      expect((await call('GET', `${slice[service].url}/health/ready`)).status).toBe(200);
    }
  });

  it('answers 400, never 500, to a NUL or other control character in any path parameter of any service', async () => {
    const staff = await devAuthorization('admin');
    const answers: string[] = [];
    for (const service of Object.keys(INPUTS) as SliceService[]) {
      const document = (await call('GET', `${slice[service].url}/docs-json`)).body;
      for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
        if (!path.includes('{')) continue;
        for (const method of Object.keys(methods)) {
          for (const control of ['%00', 'A%00B', '%1F', '%7F']) {
            const url = `${slice[service].url}${path.replace(/\{[^}]+\}/g, control)}`;
            const response = await fetch(url, { method: method.toUpperCase(), headers: { ...staff, 'content-type': 'application/json' }, body: method === 'get' ? undefined : '{}' });
            answers.push(`${service} ${method.toUpperCase()} ${path} ${control}: ${response.status}`);
          }
        }
      }
    }
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((answer) => !answer.endsWith(': 400'))).toEqual([]);
  });
});
