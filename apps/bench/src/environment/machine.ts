import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../../..');

export interface MachineReport {
  date: string;
  cpus: string;
  memory: string;
  os: string;
  /** 1-minute load average before the run: other work on the machine depresses every figure. */
  loadBefore: string;
  /** Filled in when the run ends: a rise means something else competed for the cores meanwhile. */
  loadAfter?: string;
  versions: Record<string, string>;
}

/** What the figures depend on: the machine, the runtime and the versions of everything on the path. */
export async function describeMachine(adminDatabaseUrl: string, startedHere: string[]): Promise<MachineReport> {
  const cores = cpus();
  const started = (name: string) => (startedHere.some((entry) => entry.startsWith(name)) ? '' : ' (given by the environment)');
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpus: `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${type()} ${release()}`,
    loadBefore: loadAverage(),
    versions: {
      Node: process.version,
      'Kafka (KRaft, single node)': `${pomProperty('kafka.version')}${started('kafka')}`,
      'Apicurio Registry': `${pomProperty('apicurio.version')}${started('registry')}`,
      Postgres: `${await postgresVersion(adminDatabaseUrl)}${started('postgres')}`,
      kafkajs: packageVersion('kafkajs'),
      avsc: packageVersion('avsc'),
      pg: packageVersion('pg'),
      typeorm: packageVersion('typeorm'),
      '@nestjs/microservices': packageVersion('@nestjs/microservices'),
    },
  };
}

/** Read from node_modules: not every package exports its package.json. */
export function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' / ');
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** deploy/local/pom.xml pins the Kafka and registry versions the local stack and the tests run. */
function pomProperty(name: string): string {
  const pom = readFileSync(join(ROOT, 'deploy/local/pom.xml'), 'utf8');
  return pom.match(new RegExp(`<${name}>([^<]+)</${name}>`))?.[1] ?? 'unknown';
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}
