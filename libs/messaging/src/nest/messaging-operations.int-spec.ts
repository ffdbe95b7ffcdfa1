import { approved, eventually, FixtureUnderTest } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';

interface EventsView {
  items: { eventId: string; eventType: string; topic: string; key: string; producer: string; occurredAt: string; publishedAt: string | null; traceparent: string | null; payload: Record<string, unknown> }[];
}
interface StatusView {
  consumerGroup: string;
  lag: { topic: string; partition: number; records: number; secondsBehind: number | null }[];
  lagError: string | null;
  eventsPerSecond: number | null;
}

describe("a service's events of one order and its consumer lag (real Kafka, registry, Postgres, OpenID provider)", () => {
  const harness = new FixtureUnderTest();
  // Slow enough that a handful of events keeps the group behind for a few seconds.
  beforeAll(() => harness.start({ KAFKA_TOPIC_PARTITIONS: '1', FIXTURE_HANDLER_DELAY_MS: '400' }));
  afterAll(() => harness.stop());

  const approve = (orderId: string, version: number) => harness.http<{ eventId: string }>(`/fixture/orders/${orderId}/approvals`, 'ops', { version });
  const events = (correlationId: string, as: 'auditor' | 'warehouse' = 'warehouse') =>
    harness.http<EventsView>(`/v1/messaging/events?correlationId=${correlationId}`, as);
  const status = async () => (await harness.http<StatusView>('/v1/messaging/status', 'ops')).body;

  it("lists the events the service published for one correlation, oldest first, with their payload, trace and publication", async () => {
    const orderId = randomUUID();
    const first = (await approve(orderId, 1)).body.eventId;
    const second = (await approve(orderId, 2)).body.eventId;
    await approve(randomUUID(), 1);

    const { body } = await eventually(() => events(orderId), (found) => found.body.items.every((item) => item.publishedAt !== null));
    expect(body.items.map((item) => item.eventId)).toEqual([first, second]);
    expect(body.items[0]).toEqual({
      eventId: first,
      eventType: 'OrderApproved',
      topic: 'tradeflow.orders.v1',
      key: orderId,
      producer: 'order',
      causationId: null,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      // An in-process service runs without the tracing SDK: no trace context to keep.
      traceparent: null,
      payload: { orderId, customerId: 'C-1', allowPartialShipment: false, lines: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] },
    });
    expect((await events(randomUUID(), 'auditor')).body).toEqual({ items: [] });
  });

  it('refuses a malformed correlation (400) and a caller without a credential (401)', async () => {
    expect((await harness.http('/v1/messaging/events?correlationId=a%20b', 'ops')).status).toBe(400);
    expect((await harness.http('/v1/messaging/events', 'ops')).status).toBe(400);
    expect((await harness.http('/v1/messaging/events?correlationId=x&limit=0', 'ops')).status).toBe(400);
    expect((await harness.http('/v1/messaging/events?correlationId=x')).status).toBe(401);
  });

  it('shows the group behind on its partition while a backlog waits, then caught up', async () => {
    const settled = approved(randomUUID(), 1);
    await harness.produce([settled]);
    await eventually(() => harness.effectCounts(), (counts) => counts.get(settled.eventId) === 1);
    const caughtUp = await eventually(status, (found) => found.lag.some((partition) => partition.records === 0));
    expect(caughtUp.lagError).toBeNull();
    expect(caughtUp.lag).toEqual([{ topic: harness.topic, partition: 0, records: 0, secondsBehind: 0 }]);

    const backlog = Array.from({ length: 10 }, () => approved(randomUUID(), 1));
    await harness.produce(backlog);
    const behind = await status();
    expect(behind.lag).toEqual([{ topic: harness.topic, partition: 0, records: expect.any(Number), secondsBehind: expect.any(Number) }]);
    expect(behind.lag[0].records).toBeGreaterThan(0);
    expect(behind.lag[0].records).toBeLessThanOrEqual(backlog.length);
    expect(behind.eventsPerSecond).toEqual(expect.any(Number));

    const after = await eventually(status, (found) => found.lag[0]?.records === 0, { timeoutMs: 30_000 });
    expect(after.lag[0].secondsBehind).toBe(0);
  });
});
