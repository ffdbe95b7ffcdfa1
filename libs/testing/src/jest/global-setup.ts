import type { Infrastructure } from '../infra/infrastructure';
import { startInfrastructure } from '../infra/infrastructure';
import { freePorts } from '../infra/ports';
import { SERVICE_LOGS_VARIABLE } from './service-logs-reporter';
import { removeAbandonedTestRuns, testRunDir, testRunLogsDir } from './test-runs';

declare global {
  // Jest runs global setup and teardown in the same process; this is how teardown finds what setup started.
  var tradeflowTestInfrastructure: Infrastructure | undefined;
}

/**
 * Starts real Kafka, registry, Postgres and the development OpenID provider once per integration run,
 * on free ports so a running local stack is not disturbed, unless KAFKA_BROKERS, SCHEMA_REGISTRY_URL,
 * DATABASE_ADMIN_URL or OIDC_ISSUER_URL name existing ones. Test files read those variables (workers inherit them) and create their own databases.
 */
export default async function globalSetup(): Promise<void> {
  await removeAbandonedTestRuns();
  const [kafka, kafkaController, schemaRegistry, postgres, oidc] = await freePorts(5);
  const ports = { kafka, kafkaController, schemaRegistry, postgres, oidc };
  const infrastructure = await startInfrastructure({ services: [], stateDir: testRunDir(), ports });
  globalThis.tradeflowTestInfrastructure = infrastructure;
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers;
  process.env.SCHEMA_REGISTRY_URL = infrastructure.schemaRegistryUrl;
  process.env.OIDC_ISSUER_URL = infrastructure.oidcIssuerUrl;
  // With no services named, Postgres is started unless DATABASE_ADMIN_URL was given, so this is always set.
  if (infrastructure.adminDatabaseUrl) process.env.DATABASE_ADMIN_URL = infrastructure.adminDatabaseUrl;
  process.env[SERVICE_LOGS_VARIABLE] = testRunLogsDir();
  const took = infrastructure.started.map(({ name, startupMs }) => `${name} ${(startupMs / 1000).toFixed(1)}s`);
  process.stderr.write(`\ntest infrastructure started: ${took.join(', ') || 'all given by the environment'}\n`);
}
