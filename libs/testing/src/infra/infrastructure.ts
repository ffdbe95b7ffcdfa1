import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureInfraArtifacts, type InfraArtifacts } from './artifacts';
import { createDatabase } from './database';
import { startKafka, type KafkaScram } from './kafka';
import { defaultStateDir } from './layout';
import { assertPortFree } from './ports';
import { startPostgres } from './postgres';
import { logFile, residentMemoryMb, runningPid, stopProcess, type RunningProcess } from './process';
import { startRegistry } from './registry';
import { startIssuer } from './oidc';
import {
  databaseUrlVariable,
  externalInfrastructure,
  PORT_VARIABLES,
  resolvePorts,
  type InfrastructurePorts,
} from './settings';

export type Component = 'kafka' | 'registry' | 'postgres' | 'oidc';

export interface StartInfrastructureOptions {
  /** Services that each get a database and a role of their own, e.g. `['order', 'crm-sync']`. */
  services: string[];
  /** Default: TRADEFLOW_STATE_DIR, else `<repo>/.tradeflow`. */
  stateDir?: string;
  /** Default: KAFKA_PORT, KAFKA_CONTROLLER_PORT, SCHEMA_REGISTRY_PORT, POSTGRES_PORT, else 9092, 9093, 8081, 5432. */
  ports?: Partial<InfrastructurePorts>;
  /** Keep the servers running after this process ends (the local stack); stop them with stopInfrastructure. */
  detached?: boolean;
  /**
   * Start exactly these, even where the environment names running ones; the others come from the
   * environment. For tests that stop a server, which must never be the one other tests share.
   */
  components?: Component[];
  /** Kafka that authenticates and authorizes every client (see KafkaScram); default: plaintext, no ACLs. */
  kafkaScram?: KafkaScram;
  /**
   * Use the components an earlier detached start left running in this state dir, at the endpoints it
   * recorded, and start only the missing ones (the local stack). Default: refuse, so a test never
   * shares a server it may stop.
   */
  reuseRunning?: boolean;
}

export interface Endpoints {
  kafkaBrokers: string;
  /** The Confluent-compatible API, e.g. http://127.0.0.1:8081/apis/ccompat/v7. */
  schemaRegistryUrl: string;
  /** By service name as given. */
  databaseUrls: Record<string, string>;
  /** Undefined only when every service brought its own DATABASE_URL_<SERVICE> and no DATABASE_ADMIN_URL was set. */
  adminDatabaseUrl: string | undefined;
  /** The OpenID provider services take tokens from: the development one unless OIDC_ISSUER_URL names another. */
  oidcIssuerUrl: string;
}

export interface StartedComponent {
  name: Component;
  pid: number;
  logFile: string;
  startupMs: number;
}

export interface Infrastructure extends Endpoints {
  /** What this call started; parts given by the environment are not listed. */
  started: StartedComponent[];
  /** Stops what this call started, nothing else. */
  stop(): Promise<void>;
  /** Stops one component this call started, keeping its data: an outage, for tests. */
  halt(name: Component): Promise<void>;
  /** Starts a halted component again, on the same port with the same data. */
  resume(name: Component): Promise<void>;
}

export interface ComponentStatus {
  name: Component;
  running: boolean;
  pid?: number;
  /** Resident memory, including Postgres's worker processes. */
  memoryMb?: number;
  logFile: string;
}

export interface InfrastructureStatus {
  stateDir: string;
  components: ComponentStatus[];
  /** As written by the last startInfrastructure on this state dir. */
  endpoints?: Endpoints;
}

const COMPONENTS: Component[] = ['kafka', 'registry', 'postgres', 'oidc'];

/**
 * Starts real Kafka, Apicurio Registry, Postgres and the development OpenID provider on 127.0.0.1,
 * in parallel, except the parts the environment already provides (KAFKA_BROKERS, SCHEMA_REGISTRY_URL,
 * DATABASE_URL_<SERVICE>, DATABASE_ADMIN_URL, OIDC_ISSUER_URL), and makes sure each service has its database.
 */
export async function startInfrastructure(options: StartInfrastructureOptions): Promise<Infrastructure> {
  const stateDir = resolve(options.stateDir ?? defaultStateDir());
  const ports = resolvePorts(options.ports);
  const external = externalInfrastructure(options.services);
  const forced = options.components;
  const given: Record<Component, string | undefined> = {
    kafka: forced?.includes('kafka') ? undefined : external.kafkaBrokers,
    registry: forced?.includes('registry') ? undefined : external.schemaRegistryUrl,
    postgres: forced?.includes('postgres') ? undefined : external.adminDatabaseUrl,
    oidc: forced?.includes('oidc') ? undefined : external.oidcIssuerUrl,
  };
  if (forced?.includes('postgres')) external.databaseUrls = {};
  // Tests name no services and need the admin URL; a stack whose services all have URLs needs no server.
  const everyServiceHasDatabase =
    options.services.length > 0 && options.services.every((service) => external.databaseUrls[service]);
  const wanted =
    forced ??
    COMPONENTS.filter((name) => (name === 'postgres' ? !given.postgres && !everyServiceHasDatabase : !given[name]));
  const recorded = options.reuseRunning ? recordedEndpoints(stateDir) : undefined;
  const reused = new Set<Component>();
  for (const name of wanted) {
    const endpoint = recorded?.[ENDPOINT[name]];
    if (endpoint && runningPid(stateDir, name) !== undefined) {
      given[name] = endpoint;
      reused.add(name);
    }
  }
  const planned = wanted.filter((name) => !reused.has(name));
  await refuseToStart(stateDir, planned, ports);
  mkdirSync(stateDir, { recursive: true });
  const artifacts = planned.some((name) => name === 'kafka' || name === 'registry') ? ensureInfraArtifacts() : undefined;
  const context: StartContext = { stateDir, ports, detached: options.detached ?? false, artifacts, kafkaScram: options.kafkaScram };

  const started: StartedComponent[] = [];
  const starting = planned.map(async (name) => {
    const startedAt = Date.now();
    const { process, endpoint } = await startComponent(name, context);
    started.push({ name, pid: process.pid, logFile: process.logFile, startupMs: Date.now() - startedAt });
    return [name, endpoint] as const;
  });
  const stop = async () => void (await stopComponents(stateDir, planned));
  // Settle every start before looking at any, so a failure never leaves another one half-started.
  const settled = await Promise.allSettled(starting);
  try {
    for (const result of settled) {
      if (result.status === 'rejected') throw result.reason;
      given[result.value[0]] = result.value[1];
    }
    const adminDatabaseUrl = given.postgres;
    const endpoints: Endpoints = {
      kafkaBrokers: given.kafka ?? '',
      schemaRegistryUrl: given.registry ?? '',
      adminDatabaseUrl,
      oidcIssuerUrl: given.oidc ?? '',
      databaseUrls: await databaseUrls(options.services, external.databaseUrls, adminDatabaseUrl),
    };
    writeFileSync(endpointsFile(stateDir), `${JSON.stringify(endpoints, null, 2)}\n`);
    return { ...endpoints, started, stop, ...outages(stateDir, planned, context) };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface StartContext {
  stateDir: string;
  ports: InfrastructurePorts;
  detached: boolean;
  artifacts: InfraArtifacts | undefined;
  kafkaScram: KafkaScram | undefined;
}

/** Starts one component; its endpoint is the brokers list, the registry URL or the admin database URL. */
async function startComponent(
  name: Component,
  { stateDir, ports, detached, artifacts, kafkaScram }: StartContext,
): Promise<{ process: RunningProcess; endpoint: string }> {
  if (name === 'postgres') {
    const { process, adminUrl } = await startPostgres({ stateDir, detached, port: ports.postgres });
    return { process, endpoint: adminUrl };
  }
  if (name === 'oidc') {
    const { process, issuerUrl } = await startIssuer({ stateDir, detached, port: ports.oidc });
    return { process, endpoint: issuerUrl };
  }
  if (!artifacts) throw new Error(`${name} needs the Kafka and registry artifacts`);
  if (name === 'kafka') {
    const { process, brokers } = await startKafka({
      stateDir,
      detached,
      artifacts,
      port: ports.kafka,
      controllerPort: ports.kafkaController,
      scram: kafkaScram,
    });
    return { process, endpoint: brokers };
  }
  const { process, url } = await startRegistry({ stateDir, detached, artifacts, port: ports.schemaRegistry });
  return { process, endpoint: url };
}

function outages(stateDir: string, planned: Component[], context: StartContext): Pick<Infrastructure, 'halt' | 'resume'> {
  const assertStartedHere = (name: Component) => {
    if (!planned.includes(name)) throw new Error(`${name} was not started by this call; only its own servers can be stopped`);
  };
  return {
    async halt(name) {
      assertStartedHere(name);
      await stopProcess(stateDir, name, STOP[name][0], STOP[name][1]);
    },
    async resume(name) {
      assertStartedHere(name);
      await startComponent(name, context);
    },
  };
}

/** Stops, by pid file, whatever a (possibly detached) start left running in this state dir. */
export async function stopInfrastructure(stateDir = defaultStateDir()): Promise<Component[]> {
  return stopComponents(resolve(stateDir), COMPONENTS);
}

export function infrastructureStatus(stateDir = defaultStateDir()): InfrastructureStatus {
  const dir = resolve(stateDir);
  const components = COMPONENTS.map((name): ComponentStatus => {
    const pid = runningPid(dir, name);
    const memoryMb = pid === undefined ? undefined : residentMemoryMb(pid);
    return { name, running: pid !== undefined, pid, memoryMb, logFile: logFile(dir, name) };
  });
  return { stateDir: dir, components, endpoints: recordedEndpoints(dir) };
}

const ENDPOINT = {
  kafka: 'kafkaBrokers',
  registry: 'schemaRegistryUrl',
  postgres: 'adminDatabaseUrl',
  oidc: 'oidcIssuerUrl',
} as const satisfies Record<Component, keyof Endpoints>;

function recordedEndpoints(stateDir: string): Endpoints | undefined {
  const file = endpointsFile(stateDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Endpoints) : undefined;
}

async function databaseUrls(
  services: string[],
  given: Record<string, string>,
  adminUrl: string | undefined,
): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  for (const service of services) {
    const url = given[service] ?? (adminUrl && (await createDatabase(adminUrl, service)));
    // Cannot happen: without an admin URL every service has its own (see `given.postgres`).
    if (!url) throw new Error(`no database for ${service}: set ${databaseUrlVariable(service)} or DATABASE_ADMIN_URL`);
    urls[service] = url;
  }
  return urls;
}

async function refuseToStart(stateDir: string, planned: Component[], ports: InfrastructurePorts): Promise<void> {
  for (const name of planned) {
    const pid = runningPid(stateDir, name);
    if (pid !== undefined) {
      throw new Error(`${name} already runs from ${stateDir} (pid ${pid}); stop it first (npm stop)`);
    }
  }
  const portsOf: Record<Component, (keyof InfrastructurePorts)[]> = {
    kafka: ['kafka', 'kafkaController'],
    registry: ['schemaRegistry'],
    postgres: ['postgres'],
    oidc: ['oidc'],
  };
  for (const key of planned.flatMap((name) => portsOf[name])) await assertPortFree(ports[key], PORT_VARIABLES[key]);
}

// Postgres: SIGINT is its "fast" shutdown; SIGTERM would wait for every client to disconnect.
const STOP = {
  kafka: ['SIGTERM', 30_000],
  registry: ['SIGTERM', 15_000],
  postgres: ['SIGINT', 15_000],
  oidc: ['SIGTERM', 5_000],
} as const;

async function stopComponents(stateDir: string, names: Component[]): Promise<Component[]> {
  const stopped = await Promise.all(names.map((name) => stopProcess(stateDir, name, STOP[name][0], STOP[name][1])));
  rmSync(endpointsFile(stateDir), { force: true });
  return names.filter((_, index) => stopped[index]);
}

function endpointsFile(stateDir: string): string {
  return join(stateDir, 'endpoints.json');
}
