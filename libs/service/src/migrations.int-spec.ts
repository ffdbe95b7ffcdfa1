import { createDatabase, FIXTURE_MIGRATE_SCRIPT, requiredEnv } from '@tradeflow/testing';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../..');

/** One run of the migration command, as the Kubernetes init container runs it; resolves to its exit code and output. */
async function migrate(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--require', '@swc-node/register', FIXTURE_MIGRATE_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('migrations as a command under an advisory lock, by the owner role; the app role only reads and writes rows (real Postgres)', () => {
  const name = `migrate_${randomUUID().slice(0, 8)}`;
  const appRole = `${name}_app`;
  let ownerUrl: string;
  let appUrl: string;

  beforeAll(async () => {
    const adminUrl = requiredEnv('DATABASE_ADMIN_URL');
    // As CloudNativePG sets it up: the database's owner migrates; the service logs in as a role of its own.
    ownerUrl = await createDatabase(adminUrl, name);
    await query(adminUrl, `CREATE ROLE ${appRole} LOGIN PASSWORD '${appRole}'`);
    const url = new URL(ownerUrl);
    url.username = appRole;
    url.password = appRole;
    appUrl = url.toString();
  });

  it('two runs at once on a fresh database both succeed; every migration is applied once', async () => {
    const env = { DATABASE_URL_ORDER: ownerUrl, DATABASE_APP_ROLE: appRole };
    const runs = await Promise.all([migrate(env), migrate(env)]);
    expect(runs.map(({ code }) => code)).toEqual([0, 0]);

    const applied = await query<{ name: string; runs: number }>(ownerUrl, `SELECT name, count(*)::int AS runs FROM migrations GROUP BY name`);
    expect(applied.length).toBeGreaterThan(5);
    expect(applied.filter(({ runs }) => runs !== 1)).toEqual([]);
    // One run applied them all; the other waited for the lock and found nothing to do.
    const appliedBy = runs.map(({ output }) => output.includes('"msg":"migrations applied"'));
    expect(appliedBy.sort()).toEqual([false, true]);
  }, 120_000);

  it('the app role writes and reads rows but cannot create, alter or drop tables', async () => {
    await query(appUrl, `INSERT INTO fixture_failing_orders (order_id) VALUES ('app-role')`);
    expect(await query(appUrl, `SELECT order_id FROM fixture_failing_orders`)).toEqual([{ order_id: 'app-role' }]);
    await query(appUrl, `INSERT INTO fixture_effects (event_id, order_id, version, replica) VALUES ('${randomUUID()}', 'app-role', 1, 'a')`);
    await expect(query(appUrl, `CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied for schema public/);
    await expect(query(appUrl, `ALTER TABLE fixture_effects ADD COLUMN sneaky int`)).rejects.toThrow(/must be owner/);
    await expect(query(appUrl, `DROP TABLE fixture_failing_orders`)).rejects.toThrow(/must be owner/);
  });

  it('a run with nothing pending changes nothing and succeeds', async () => {
    const before = await query(ownerUrl, `SELECT count(*)::int AS n FROM migrations`);
    const run = await migrate({ DATABASE_URL_ORDER: ownerUrl, DATABASE_APP_ROLE: appRole });
    expect(run.code).toBe(0);
    expect(await query(ownerUrl, `SELECT count(*)::int AS n FROM migrations`)).toEqual(before);
  }, 60_000);
});
