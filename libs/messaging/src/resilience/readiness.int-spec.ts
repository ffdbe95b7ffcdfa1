import type { FixtureProcess, Infrastructure } from '@tradeflow/testing';
import { devAuthorization, eventually, FixtureUnderTest, freePorts, requiredEnv, startFixtureProcess, startInfrastructure } from '@tradeflow/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Readiness follows the service's own database only. The broker is away from the start (nothing
 * listens where KAFKA_BROKERS points); the test's own Postgres is stopped and started again.
 */
describe('readiness without Kafka (own Postgres, no broker)', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'tradeflow-readiness-'));
  let infrastructure: Infrastructure;
  let harness: FixtureUnderTest;
  let service: FixtureProcess;

  beforeAll(async () => {
    // Readable by the `postgres` user that Postgres runs as when the tests run as root.
    chmodSync(stateDir, 0o755);
    const [postgres, nothingListens] = await freePorts(2);
    infrastructure = await startInfrastructure({ services: [], stateDir, ports: { postgres }, components: ['postgres'] });
    harness = new FixtureUnderTest({
      kafkaBrokers: `127.0.0.1:${nothingListens}`,
      schemaRegistryUrl: requiredEnv('SCHEMA_REGISTRY_URL'),
      adminDatabaseUrl: infrastructure.adminDatabaseUrl!,
    });
    await harness.database();
    service = await startFixtureProcess(harness.environment({ LOG_LEVEL: 'info' }));
  }, 180_000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await infrastructure?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('is ready and takes writes while Kafka is down; the metrics and the log say the broker is unreachable', async () => {
    await eventually(() => service.status('/health/ready'), (status) => status === 200, { timeoutMs: 90_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${service.output()}`);
    });
    expect(await service.status('/health/live')).toBe(200);

    const write = await fetch(`${service.url}/fixture/orders/no-broker/approvals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await devAuthorization('ops')) },
      body: JSON.stringify({ version: 1 }),
    });
    expect(write.status).toBe(201);

    const metrics = await eventually(
      async () => (await fetch(service.metricsUrl)).text(),
      (text) => /^tradeflow_outbox_backlog\{[^}]*\} 1$/m.test(text),
    );
    expect(metrics).toMatch(/^tradeflow_kafka_reachable\{[^}]*\} 0$/m);
    const kafkaLines = service.lines().filter(({ text }) => text.includes('"dependency":"kafka"'));
    expect(kafkaLines.length).toBeGreaterThan(0);
    expect(JSON.parse(kafkaLines[0].text)).toMatchObject({ msg: 'kafka unreachable; retrying', target: harness.endpoints.kafkaBrokers });
  }, 120_000);

  it('is not ready while its database is down, and ready again once it is back; alive throughout', async () => {
    await infrastructure.halt('postgres');
    await eventually(() => service.status('/health/ready'), (status) => status === 503, { timeoutMs: 30_000 });
    expect(await service.status('/health/live')).toBe(200);
    await infrastructure.resume('postgres');
    await eventually(() => service.status('/health/ready'), (status) => status === 200, { timeoutMs: 60_000 });
  }, 120_000);
});
