import type { ReceivedSpan } from '@tradeflow/testing';
import { eventually, spansOfCorrelation, TraceReceiver } from '@tradeflow/testing';
import { TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice, SliceService } from '../slice';
import { startSlice } from '../slice';

const SERVICES: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/** docs/design.md#observability: one trace per order across every service, metrics with real values, logs with trace ids. */
describe('observability', () => {
  const receiver = new TraceReceiver();
  let slice: Slice;
  let tradeflow: TradeflowClient;
  let orderId: string;
  let trace: ReceivedSpan[];

  beforeAll(async () => {
    const telemetry = { OTEL_EXPORTER_OTLP_ENDPOINT: await receiver.start(), OTEL_BSP_SCHEDULE_DELAY: '200', LOG_LEVEL: 'debug' };
    slice = await startSlice(Object.fromEntries(SERVICES.map((service) => [service, telemetry])));
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts('TRACED-MUG');
    await tradeflow.receiveStock('BER', [{ sku: 'TRACED-MUG', quantity: 5 }]);
    orderId = await tradeflow.placeOrder([{ sku: 'TRACED-MUG', quantity: 2 }]);
    const [shipment] = await tradeflow.waitForShipments(orderId, 1, 'LABELLED');
    await tradeflow.dispatch(shipment.id);
    await tradeflow.waitForInvoices(orderId, 1);
    // The invoice is the last step: once its consumers (order, crm-sync) exported their spans, and every
    // consumer span's parent has arrived too (services export in their own batches), the trace is whole.
    trace = await eventually(
      async () => spansOfCorrelation(receiver.spans, orderId),
      (spans) =>
        ['order', 'crm-sync'].every((service) =>
          spans.some((span) => span.service === service && span.kind === CONSUMER && span.attributes['tradeflow.event_type'] === 'InvoiceIssued'),
        ) && spans.filter((span) => span.kind === CONSUMER).every((span) => spans.some((parent) => parent.spanId === span.parentSpanId)),
    ).catch(() => spansOfCorrelation(receiver.spans, orderId));
  });
  afterAll(async () => {
    await slice?.stop();
    await receiver.stop();
  });

  it('follows the order in one trace from POST /v1/orders through every service', () => {
    expect(new Set(trace.map((span) => span.traceId)).size).toBe(1);
    const root = trace.find((span) => span.kind === SERVER && span.service === 'order' && span.parentSpanId === undefined);
    expect(root?.attributes['http.route'] ?? root?.name).toMatch(/\/v1\/orders/);
    const consumingServices = new Set(trace.filter((span) => span.kind === CONSUMER).map((span) => span.service));
    expect([...consumingServices].sort()).toEqual([...SERVICES].sort());
  });

  it('makes every consumer span the child of the producer span of the record it handled; no orphans', () => {
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const consumers = trace.filter((span) => span.kind === CONSUMER);
    expect(consumers.length).toBeGreaterThan(5);
    for (const consumer of consumers) {
      const parent = byId.get(consumer.parentSpanId ?? '');
      expect({ consumer: consumer.name, parentKind: parent?.kind }).toEqual({ consumer: consumer.name, parentKind: PRODUCER });
      expect(parent?.attributes['messaging.message.id']).toBe(consumer.attributes['messaging.message.id']);
      expect(consumer.name).toMatch(/^process .*tradeflow\.\w+\.v1$/);
      expect(parent?.name).toMatch(/^send .*tradeflow\.\w+\.v1$/);
    }
  });

  it('shows consumer lag, outbox backlog and handler latency with real values on /metrics, on its own port', async () => {
    for (const service of SERVICES) {
      const text = await (await fetch(slice[service].metricsUrl)).text();
      expect(text).toMatch(/^tradeflow_outbox_backlog\{[^}]*\} 0$/m);
      expect(text).toMatch(/^tradeflow_outbox_oldest_age_seconds\{[^}]*\} 0$/m);
      expect(text).toMatch(/^tradeflow_consumer_lag\{[^}]*topic="[^"]+"[^}]*\} 0$/m);
      const handled = Number(/^tradeflow_event_handler_duration_seconds_count\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 0);
      expect({ service, handled: handled > 0 }).toEqual({ service, handled: true });
      expect(text).toMatch(/^tradeflow_events_consumed_total\{[^}]*outcome="applied"[^}]*\} [1-9]/m);
    }
    const order = await (await fetch(slice.order.metricsUrl)).text();
    expect(order).toMatch(/^tradeflow_events_produced_total\{[^}]*event_type="OrderPlaced"[^}]*\} 1$/m);
    expect(order).toMatch(/^http_server_request_duration_seconds_count\{[^}]*http_route="\/v1\/orders"/m);
    // The API port no longer serves them: its NetworkPolicy admits callers, not the scraper.
    expect((await fetch(`${slice.order.url}/metrics`)).status).toBe(404);
  });

  it("writes the order's trace id on the log line of each event a service applied", () => {
    const traceId = trace[0].traceId;
    for (const service of ['inventory', 'shipping', 'invoicing'] as const) {
      const lines = slice[service]
        .output()
        .split('\n')
        .filter((line) => line.includes('"event applied"') && line.includes(`"trace_id":"${traceId}"`));
      expect({ service, lines: lines.length > 0 }).toEqual({ service, lines: true });
      expect(JSON.parse(lines[0])).toMatchObject({ correlationId: orderId, eventId: expect.any(String), span_id: expect.any(String) });
    }
  });
});
