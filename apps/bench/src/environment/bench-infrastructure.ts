import { defaultStateDir, freePorts, startInfrastructure } from '@tradeflow/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchInfrastructure {
  kafkaBrokers: string;
  schemaRegistryUrl: string;
  adminDatabaseUrl: string;
  /** Components this run started itself (the rest came from the environment). */
  started: string[];
  stop(): Promise<void>;
}

/**
 * Real Kafka, registry and Postgres on free ports, so a running local stack is not disturbed —
 * unless KAFKA_BROKERS, SCHEMA_REGISTRY_URL or DATABASE_ADMIN_URL name existing ones (CI's jest run).
 */
export async function startBenchInfrastructure(): Promise<BenchInfrastructure> {
  const stateDir = join(defaultStateDir(), 'bench-runs', String(process.pid));
  const [kafka, kafkaController, schemaRegistry, postgres] = await freePorts(4);
  const infrastructure = await startInfrastructure({
    services: [],
    stateDir,
    ports: { kafka, kafkaController, schemaRegistry, postgres },
  });
  if (!infrastructure.adminDatabaseUrl) throw new Error('the bench needs DATABASE_ADMIN_URL or a Postgres of its own');
  return {
    kafkaBrokers: infrastructure.kafkaBrokers,
    schemaRegistryUrl: infrastructure.schemaRegistryUrl,
    adminDatabaseUrl: infrastructure.adminDatabaseUrl,
    started: infrastructure.started.map(({ name, startupMs }) => `${name} (${(startupMs / 1000).toFixed(1)} s)`),
    async stop() {
      await infrastructure.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
