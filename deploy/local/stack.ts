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
import { signedWebhookHeaders } from '@tradeflow/platform';
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
  { name: 'invoicing', port: 3003 },
  { name: 'shipping', port: 3004 },
  { name: 'crm-sync', port: 3005 },
] as const;
const TRACE_RECEIVER = 'trace-receiver';
const ROOT = join(__dirname, '../..');
const stateDir = defaultStateDir();

/** A development secret (API key, webhook secret), made once per state directory and kept there (never committed). */
function developmentSecret(name: string, make: () => string): string {
  const file = join(stateDir, name);
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The OTLP/HTTP receiver the services export spans to, unless OTEL_EXPORTER_OTLP_ENDPOINT names another. */
async function startTraceReceiver(): Promise<string> {
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const port = Number(process.env.OTLP_RECEIVER_PORT ?? 4318);
  if (!runningPid(stateDir, TRACE_RECEIVER)) {
    const receiver = startProcess({
      name: TRACE_RECEIVER,
      command: process.execPath,
      args: ['--require', '@swc-node/register', join(ROOT, 'deploy/local/trace-receiver.ts'), String(port), join(stateDir, 'traces', 'spans.jsonl')],
      stateDir,
      env: { TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      detached: true,
    });
    await waitUntilReady(receiver, async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.status === 404, 30_000);
  }
  return `http://127.0.0.1:${port}`;
}

/** The sample customers, pushed the way a CRM does: signed webhooks to crm-sync (a repeat is ignored). */
async function seedCustomers(crmSyncUrl: string, secret: string): Promise<void> {
  const customers: unknown[] = JSON.parse(readFileSync(join(ROOT, 'deploy/local/sample-data/customers.json'), 'utf8'));
  for (const customer of customers) {
    const body = JSON.stringify(customer);
    const response = await fetch(`${crmSyncUrl}/v1/crm/webhooks/customers`, { method: 'POST', headers: signedWebhookHeaders(secret, body), body });
    if (!response.ok) throw new Error(`sample customer refused by crm-sync: ${response.status} ${await response.text()}`);
  }
}

function portOf(service: (typeof SERVICES)[number]): number {
  return Number(process.env[`${service.name.toUpperCase().replace('-', '_')}_PORT`] ?? service.port);
}

async function up(): Promise<void> {
  const infrastructure = await startInfrastructure({ services: SERVICES.map((service) => service.name), detached: true });
  const apiKey = developmentSecret('dev-api-key', () => `tf_dev_${randomBytes(18).toString('base64url')}`);
  const webhookSecret = developmentSecret('dev-crm-webhook-secret', () => randomBytes(32).toString('hex'));
  const env: Record<string, string> = {
    OTEL_EXPORTER_OTLP_ENDPOINT: await startTraceReceiver(),
    KAFKA_BROKERS: infrastructure.kafkaBrokers,
    SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
    ORDER_BOOTSTRAP_API_KEY: `dev-shop:${apiKey}:orders:write,orders:read,orders:approve`,
    INVENTORY_SEED_FILE: join(ROOT, 'deploy/local/sample-data/stock.json'),
    CRM_WEBHOOK_SECRET: webhookSecret,
  };
  for (const service of SERVICES) env[databaseUrlVariable(service.name)] = infrastructure.databaseUrls[service.name];

  for (const service of SERVICES) {
    if (runningPid(stateDir, service.name)) continue;
    const port = portOf(service);
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
  await seedCustomers(`http://127.0.0.1:${portOf(SERVICES.find((service) => service.name === 'crm-sync')!)}`, webhookSecret);
  console.log(`\nKafka ${infrastructure.kafkaBrokers}, schema registry ${infrastructure.schemaRegistryUrl}`);
  console.log(`Traces: ${env.OTEL_EXPORTER_OTLP_ENDPOINT} (npm run trace -- <orderId>)`);
  console.log(`Development API key (channel dev-shop, scopes orders:write orders:read orders:approve):\n  ${apiKey}`);
  console.log(`CRM webhook secret (sign POST /v1/crm/webhooks/customers with it): ${join(stateDir, 'dev-crm-webhook-secret')}`);
}

async function down(): Promise<void> {
  for (const service of [...SERVICES].reverse()) await stopProcess(stateDir, service.name, 'SIGTERM', 15_000);
  await stopProcess(stateDir, TRACE_RECEIVER, 'SIGTERM', 5_000);
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
