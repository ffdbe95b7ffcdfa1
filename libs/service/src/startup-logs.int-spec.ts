import { eventually, FixtureUnderTest, freePorts, startFixtureProcess } from '@tradeflow/testing';
import type { FixtureProcess, OutputLine } from '@tradeflow/testing';

function json(line: OutputLine): Record<string, unknown> {
  return JSON.parse(line.text) as Record<string, unknown>;
}

describe('start-up logs (real registry; Postgres unreachable)', () => {
  const harness = new FixtureUnderTest();
  const started: FixtureProcess[] = [];
  afterAll(async () => {
    for (const service of started) await service.stop('SIGKILL');
  });

  it('every line is JSON from the first; an unreachable database is named within 2 s and retried with backoff', async () => {
    const [nothingListens] = await freePorts(1);
    const service = await startFixtureProcess(
      harness.environment({ LOG_LEVEL: 'info', DATABASE_URL_ORDER: `postgres://fixture:secret@127.0.0.1:${nothingListens}/fixture_orders` }),
    );
    started.push(service);
    const retried = (lines: OutputLine[]) => lines.filter((line) => line.text.includes('"dependency":"postgres"'));
    const lines = await eventually(async () => service.lines(), (found) => retried(found).length >= 3, { timeoutMs: 60_000 }).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n${service.output()}`);
      },
    );
    for (const line of lines) expect(() => json(line)).not.toThrow();
    const [first, second, third] = retried(lines);
    expect(first.atMs - lines[0].atMs).toBeLessThan(2000);
    expect(json(first)).toMatchObject({
      msg: 'postgres unreachable; retrying',
      target: `127.0.0.1:${nothingListens}/fixture_orders`,
      attempt: 1,
      error: expect.stringContaining('ECONNREFUSED'),
    });
    expect(first.text).not.toContain('secret');
    // Exponential backoff with jitter: each wait between half and all of 500 ms, 1 s, 2 s.
    const waits = [first, second, third].map((line) => Number(json(line).retryInMs));
    expect(waits.map((wait, index) => wait >= 250 * 2 ** index && wait <= 500 * 2 ** index)).toEqual([true, true, true]);
    expect(json(third).attempt).toBe(3);
  }, 90_000);

  it('an unreachable schema registry is named within 2 s; the service starts and is ready all the same', async () => {
    await harness.database();
    const [nothingListens] = await freePorts(1);
    const registryUrl = `http://127.0.0.1:${nothingListens}/apis/ccompat/v7`;
    const service = await startFixtureProcess(harness.environment({ LOG_LEVEL: 'info', SCHEMA_REGISTRY_URL: registryUrl }));
    started.push(service);
    await eventually(() => service.status('/health/ready'), (status) => status === 200, { timeoutMs: 60_000 });
    const lines = service.lines();
    const named = lines.find((line) => line.text.includes('"dependency":"schema registry"'));
    expect(named && json(named)).toMatchObject({ msg: 'schema registry unreachable; retrying', target: registryUrl, attempt: 1 });
    // Asked once the database is connected, when the messaging module starts.
    const databaseConnected = lines.find((line) => line.text.includes('TypeOrmCoreModule dependencies initialized'));
    expect(named!.atMs - databaseConnected!.atMs).toBeLessThan(2000);
  }, 90_000);

  it('a bad setting stops the service with one JSON line naming it', async () => {
    const service = await startFixtureProcess(harness.environment({ CONSUMER_MAX_ATTEMPTS: 'many' }));
    started.push(service);
    const [code] = await service.exited;
    expect(code).toBe(1);
    const lines = service.lines();
    expect(lines).toHaveLength(1);
    expect(json(lines[0]).msg).toContain('CONSUMER_MAX_ATTEMPTS');
  }, 60_000);
});
