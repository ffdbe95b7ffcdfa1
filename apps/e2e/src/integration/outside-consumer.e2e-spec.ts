import { eventually, requiredEnv, TraceReceiver } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice, SliceService } from '../slice';
import { startSlice } from '../slice';
import type { PrintedEvent, RunningConsumer } from './outside-consumer';
import { installPythonConsumer, startPythonConsumer } from './outside-consumer';

/**
 * Another team's program, in another language, with only the published contract: the Python example
 * (confluent-kafka + fastavro from PyPI) reads every public topic of a real slice through the
 * registry's Confluent API and prints an order's events as they flow.
 */
describe('an outside consumer (deploy/examples/python-consumer)', () => {
  const receiver = new TraceReceiver();
  let slice: Slice;
  let consumer: RunningConsumer;
  const customerId = `CUST-${randomUUID().slice(0, 8)}`;
  const sku = `MUG-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const python = await installPythonConsumer();
    // Traced as in production, so the records carry their traceparent.
    const telemetry = { OTEL_EXPORTER_OTLP_ENDPOINT: await receiver.start() };
    const services: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];
    slice = await startSlice(Object.fromEntries(services.map((service) => [service, telemetry])));
    await new TradeflowClient(slice).loadProducts(sku);
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
    await receiver.stop();
  });

  it("prints an order's events from every topic it touches, decoded through the registry, with their headers", async () => {
    const tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer(customerId);
    await tradeflow.receiveStock('BER', [{ sku, quantity: 5 }]);
    const orderId = await tradeflow.placeOrder([{ sku, quantity: 2 }], { customerId });

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
    // One order, one trace, whichever service published the event.
    expect(new Set(printed.map((line) => line.headers.traceparent.split('-')[1])).size).toBe(1);
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
  // Services always make spans (exported or not), so the relay's span travels with each record.
  expect(line.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
}
