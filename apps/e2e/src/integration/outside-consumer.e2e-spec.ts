import { eventually, requiredEnv } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { callAs, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice } from '../slice';
import { API_KEY, call, startSlice } from '../slice';
import type { PrintedEvent, RunningConsumer } from './outside-consumer';
import { installPythonConsumer, startPythonConsumer } from './outside-consumer';

/**
 * Another team's program, in another language, with only the published contract: the Python example
 * (confluent-kafka + fastavro from PyPI) reads every public topic of a real slice through the
 * registry's Confluent API and prints an order's events as they flow.
 */
describe('an outside consumer (deploy/examples/python-consumer)', () => {
  let slice: Slice;
  let consumer: RunningConsumer;
  const customerId = `CUST-${randomUUID().slice(0, 8)}`;
  const sku = `MUG-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const python = await installPythonConsumer();
    slice = await startSlice();
    consumer = startPythonConsumer(python, {
      KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
      SCHEMA_REGISTRY_URL: requiredEnv('SCHEMA_REGISTRY_URL'),
      KAFKA_TOPIC_PREFIX: slice.prefix,
      KAFKA_GROUP_ID: `erp-${randomUUID().slice(0, 8)}`,
    });
  }, 600_000);
  afterAll(async () => {
    await consumer?.stop();
    await slice?.stop();
  });

  it("prints an order's events from every topic it touches, decoded through the registry, with their headers", async () => {
    await new TradeflowClient(slice).registerCustomer(customerId);
    expect((await callAs('warehouse', 'POST', `${slice.inventory.url}/v1/stock/receipts`, { receiptId: randomUUID(), warehouse: 'BER', lines: [{ sku, quantity: 5 }] })).status).toBe(201);
    const placed = await call(
      'POST',
      `${slice.order.url}/v1/orders`,
      {
        customerId,
        currency: 'EUR',
        shippingAddress: { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' },
        lines: [{ sku, quantity: 2, unitPriceMinor: 1299, taxRateBp: 1900 }],
      },
      { 'x-api-key': API_KEY, 'idempotency-key': randomUUID() },
    );
    expect(placed.status).toBe(201);
    const orderId: string = placed.body.id;

    const expected = ['OrderPlaced', 'OrderApproved', 'StockReserved', 'ShipmentCreated', 'ShipmentLabelled'];
    const ofOrder = () => consumer.printed.filter((line) => line.orderId === orderId);
    const printed = await eventually(
      () => Promise.resolve(ofOrder()),
      (lines) => expected.every((eventType) => lines.some((line) => line.eventType === eventType)),
      { timeoutMs: 60_000 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nprinted for the order: ${ofOrder().map((line) => line.eventType).join(', ')}\nconsumer stderr: ${consumer.stderr.join('')}`);
    });

    const topicOf = (eventType: string) => printed.find((line) => line.eventType === eventType)!.topic;
    expect(expected.map(topicOf)).toEqual(
      ['orders', 'orders', 'reservations', 'shipments', 'shipments'].map((name) => `${slice.prefix}tradeflow.${name}.v1`),
    );
    for (const line of printed) expectContractHeaders(line, orderId);
    // Delivery is at least once, the example deduplicates by eventId: each event printed once.
    expect(new Set(printed.map((line) => line.eventId)).size).toBe(printed.length);

    const customer = consumer.printed.find((line) => line.eventType === 'CustomerUpserted' && line.key === customerId);
    expect(customer?.topic).toBe(`${slice.prefix}tradeflow.customers.v1`);
    expect(customer?.event).toMatchObject({ customerId, name: `Customer ${customerId}` });
  });
});

/** What docs/asyncapi.yaml promises of every record: the key, the headers and the envelope agree. */
function expectContractHeaders(line: PrintedEvent, orderId: string): void {
  expect(line.key).toBe(orderId);
  expect(line.headers).toMatchObject({
    'event-type': line.eventType,
    'event-id': line.eventId,
    'correlation-id': line.event.correlationId,
  });
  expect(line.event).toMatchObject({ eventId: line.eventId, orderId });
  expect(line.schemaId).toBeGreaterThan(0);
  if ('traceparent' in line.headers) expect(line.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
}
