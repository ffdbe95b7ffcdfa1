import { approved, eventually, FixtureUnderTest, startFixtureProcess } from '@tradeflow/testing';
import type { FixtureProcess } from '@tradeflow/testing';

/** The value of the one series of `metric` whose labels include every `label="value"` given. */
function value(text: string, metric: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    const given = match[2] ?? '';
    if (Object.entries(labels).every(([name, wanted]) => given.includes(`${name}="${wanted}"`))) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics of a started service (real Kafka, registry, Postgres)', () => {
  const harness = new FixtureUnderTest();
  let service: FixtureProcess;
  const scrape = async () => (await fetch(service.metricsUrl)).text();

  beforeAll(async () => {
    await harness.database();
    service = await startFixtureProcess(
      // One partition, so the lag of every record behind a failing one shows on it; the failing
      // record keeps being retried rather than dead-lettered, so its partition stays paused.
      harness.environment({ KAFKA_TOPIC_PARTITIONS: '1', CONSUMER_MAX_ATTEMPTS: '100' }),
    );
    await eventually(() => service.status('/health/ready'), (status) => status === 200, { timeoutMs: 90_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${service.output()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await harness.stop();
  });

  it('has every counter at 0 before any traffic, runtime metrics, and durations named in seconds', async () => {
    const text = await eventually(scrape, (found) => found.includes('tradeflow_consumer_partitions_paused'));
    const group = { consumer_group: harness.groupId };
    expect(value(text, 'tradeflow_dead_letters_total', { reason: 'handler-error' })).toBe(0);
    expect(value(text, 'tradeflow_dead_letters_total', { reason: 'not-wire-format' })).toBe(0);
    expect(value(text, 'tradeflow_events_consumed_total', { event_type: 'OrderApproved', outcome: 'failed' })).toBe(0);
    expect(value(text, 'tradeflow_events_produced_total', { event_type: 'OrderPlaced' })).toBe(0);
    expect(value(text, 'tradeflow_consumer_retries_total', { ...group, topic: harness.topic, cause: 'event-failed' })).toBe(0);
    expect(value(text, 'tradeflow_consumer_retries_total', { ...group, topic: harness.topic, cause: 'dependency-unavailable' })).toBe(0);
    expect(value(text, 'tradeflow_consumer_partitions_paused', { ...group, topic: harness.topic })).toBe(0);
    expect(value(text, 'tradeflow_consumer_lag', { ...group, topic: harness.topic, partition: '0' })).toBe(0);
    expect(value(text, 'tradeflow_kafka_reachable', group)).toBe(1);
    expect(value(text, 'tradeflow_outbox_backlog')).toBe(0);
    expect(value(text, 'tradeflow_outbox_oldest_age_seconds')).toBe(0);

    expect(value(text, 'nodejs_eventloop_delay_p99_seconds')).toBeGreaterThan(0);
    expect(value(text, 'nodejs_eventloop_utilization')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'v8js_memory_heap_used_bytes', { v8js_heap_space_name: 'old_space' })).toBeGreaterThan(0);
    // Prometheus' convention: a metric with a unit says it in its name.
    const unitless = text.split('\n').filter((line) => /^\w*duration(_bucket|_sum|_count)?[{ ]/.test(line));
    expect(unitless).toEqual([]);
  });

  it('a failing record: its partition shows as paused, retries count, and the lag read from the broker grows behind it', async () => {
    await harness.query(`INSERT INTO fixture_failing_orders (order_id) VALUES ('metrics-failing')`);
    await harness.produce([approved('metrics-failing', 1)]);
    const group = { consumer_group: harness.groupId, topic: harness.topic };
    const paused = await eventually(scrape, (text) => value(text, 'tradeflow_consumer_partitions_paused', group) === 1);
    expect(value(paused, 'tradeflow_events_consumed_total', { event_type: 'OrderApproved', outcome: 'failed' })).toBeGreaterThan(0);
    await eventually(scrape, (text) => (value(text, 'tradeflow_consumer_retries_total', { ...group, cause: 'event-failed' }) ?? 0) >= 2);

    // The consumer is stuck on the record: what comes after waits, and the broker says so.
    await harness.produce(Array.from({ length: 5 }, (_, index) => approved(`metrics-behind-${index}`, 1)));
    await eventually(scrape, (text) => value(text, 'tradeflow_consumer_lag', { ...group, partition: '0' }) === 6);

    await harness.query(`DELETE FROM fixture_failing_orders`);
    const recovered = await eventually(
      scrape,
      (text) => value(text, 'tradeflow_consumer_lag', { ...group, partition: '0' }) === 0 && value(text, 'tradeflow_consumer_partitions_paused', group) === 0,
      { timeoutMs: 60_000 },
    );
    expect(value(recovered, 'tradeflow_events_consumed_total', { event_type: 'OrderApproved', outcome: 'applied' })).toBe(6);
  }, 120_000);

  it('counts a dead letter from 0 to 1', async () => {
    await harness.produceRaw(Buffer.from('not avro at all'));
    const text = await eventually(scrape, (found) => value(found, 'tradeflow_dead_letters_total', { reason: 'not-wire-format' }) === 1);
    expect(value(text, 'tradeflow_dead_letters_total', { reason: 'handler-error' })).toBe(0);
  });
});
