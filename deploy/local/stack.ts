import {
  databaseUrlVariable,
  defaultStateDir,
  infrastructureStatus,
  runningPid,
  startInfrastructure,
  startProcess,
  stopInfrastructure,
  stopProcess,
  waitUntilReady,
} from '@tradeflow/testing';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stack: real Postgres, Kafka and schema registry (or the ones named by the
 * environment), then each service as its own process, logging to .tradeflow/<service>/.
 *   npm start | npm stop | npm run status
 */
const SERVICES = [
  { name: 'order', port: 3001 },
  { name: 'inventory', port: 3002 },
] as const;
const ROOT = join(__dirname, '../..');
const stateDir = defaultStateDir();

/** A development API key, made once per state directory and kept there (never committed). */
function developmentApiKey(): string {
  const file = join(stateDir, 'dev-api-key');
  if (!existsSync(file)) writeFileSync(file, `tf_dev_${randomBytes(18).toString('base64url')}`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function up(): Promise<void> {
  const infrastructure = await startInfrastructure({ services: SERVICES.map((service) => service.name), detached: true });
  const apiKey = developmentApiKey();
  const env: Record<string, string> = {
    KAFKA_BROKERS: infrastructure.kafkaBrokers,
    SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
    ORDER_BOOTSTRAP_API_KEY: `dev-shop:${apiKey}:orders:write,orders:read`,
    INVENTORY_SEED_FILE: join(ROOT, 'deploy/local/sample-data/stock.json'),
  };
  for (const service of SERVICES) env[databaseUrlVariable(service.name)] = infrastructure.databaseUrls[service.name];

  for (const service of SERVICES) {
    if (runningPid(stateDir, service.name)) continue;
    const port = Number(process.env[`${service.name.toUpperCase()}_PORT`] ?? service.port);
    const running = startProcess({
      name: service.name,
      command: process.execPath,
      args: ['--require', '@swc-node/register', join(ROOT, 'apps', service.name, 'src', 'main.ts')],
      stateDir,
      // The service resolves @tradeflow/* through the root tsconfig, whatever its working folder.
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      detached: true,
    });
    await waitUntilReady(running, async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.ok === true, 90_000);
    console.log(`${service.name.padEnd(10)} http://127.0.0.1:${port}   (OpenAPI: /docs, logs: ${running.logFile})`);
  }
  console.log(`\nKafka ${infrastructure.kafkaBrokers}, schema registry ${infrastructure.schemaRegistryUrl}`);
  console.log(`Development API key (channel dev-shop, scopes orders:write orders:read):\n  ${apiKey}`);
}

async function down(): Promise<void> {
  for (const service of [...SERVICES].reverse()) await stopProcess(stateDir, service.name, 'SIGTERM', 15_000);
  const stopped = await stopInfrastructure(stateDir);
  console.log(`stopped: ${[...SERVICES.map((service) => service.name), ...stopped].join(', ')}`);
}

function status(): void {
  for (const service of SERVICES) console.log(`${service.name.padEnd(10)} ${runningPid(stateDir, service.name) ? 'running' : 'stopped'}`);
  console.log(JSON.stringify(infrastructureStatus(stateDir), null, 2));
}

const command = process.argv[2];
const actions: Record<string, () => Promise<void> | void> = { up, down, status };
if (!command || !(command in actions)) {
  console.error('usage: stack.ts up|down|status');
  process.exit(2);
}
Promise.resolve(actions[command]()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
