import { defaultStateDir, freePorts, startInfrastructure, stopInfrastructure } from '@tradeflow/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stopOnInterrupt } from './interrupts';

export interface BenchInfrastructure {
  kafkaBrokers: string;
  schemaRegistryUrl: string;
  adminDatabaseUrl: string;
  /** The development OpenID provider the services take staff tokens from (devAccessToken). */
  oidcIssuerUrl: string;
  /** Components this run started itself (the rest came from the environment). */
  started: string[];
  /** Their processes, for the saga's cost model. */
  processes: { name: string; pid: number }[];
  stop(): Promise<void>;
}

/**
 * Real Kafka, registry, Postgres and the development OpenID provider on free ports, so a running
 * local stack is not disturbed — unless KAFKA_BROKERS, SCHEMA_REGISTRY_URL or DATABASE_ADMIN_URL
 * name existing ones (CI's jest run).
 */
export async function startBenchInfrastructure(): Promise<BenchInfrastructure> {
  const stateDir = join(defaultStateDir(), 'bench-runs', String(process.pid));
  const [kafka, kafkaController, schemaRegistry, postgres, oidc] = await freePorts(5);
  // Until the run registers its own clean-up: an interrupt while starting stops what has started so far, by pid file.
  const interrupted = stopOnInterrupt(async () => void (await stopInfrastructure(stateDir)));
  const infrastructure = await startInfrastructure({
    services: [],
    stateDir,
    ports: { kafka, kafkaController, schemaRegistry, postgres, oidc },
  }).finally(interrupted);
  if (!infrastructure.adminDatabaseUrl) throw new Error('the bench needs DATABASE_ADMIN_URL or a Postgres of its own');
  return {
    kafkaBrokers: infrastructure.kafkaBrokers,
    schemaRegistryUrl: infrastructure.schemaRegistryUrl,
    adminDatabaseUrl: infrastructure.adminDatabaseUrl,
    oidcIssuerUrl: infrastructure.oidcIssuerUrl,
    started: infrastructure.started.map(({ name, startupMs }) => `${name} (${(startupMs / 1000).toFixed(1)} s)`),
    processes: infrastructure.started.map(({ name, pid }) => ({ name, pid })),
    async stop() {
      await infrastructure.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
