import {
  databaseUrlVariable,
  DEV_AUDIENCE,
  DEV_CLIENT_ROLES,
  DEV_CLIENTS,
  DEV_PEOPLE,
  devClientSecret,
  defaultStateDir,
  infrastructureStatus,
  loadProducts,
  PORT_VARIABLES,
  runningPid,
  startInfrastructure,
  startProcess,
  stopInfrastructure,
  stopProcess,
  waitUntilReady,
} from '@tradeflow/testing';
import { ConfluentSchemaRegistryClient, registerEventSchemas } from '@tradeflow/events';
import { signedWebhookHeaders } from '@tradeflow/platform';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stack: real Postgres, Kafka, schema registry and the development OpenID provider (or
 * the ones named by the environment), then each service as its own process, logging to
 * .tradeflow/<service>/. `up` starts whatever is not running, so it also brings back one killed piece.
 *   npm start | npm stop | npm run status | npm run restart -- <service>
 */
const SERVICES = [
  { name: 'order', port: 3001, metricsPort: 9461 },
  { name: 'inventory', port: 3002, metricsPort: 9462 },
  { name: 'invoicing', port: 3003, metricsPort: 9463 },
  { name: 'shipping', port: 3004, metricsPort: 9464 },
  { name: 'crm-sync', port: 3005, metricsPort: 9465 },
] as const;
type Service = (typeof SERVICES)[number];
const TRACE_RECEIVER = 'trace-receiver';
const ASYNCAPI_DOCS = 'asyncapi-docs';
const CONSOLE = 'console';
const ROOT = join(__dirname, '../..');
const stateDir = defaultStateDir();
const RESTARTABLE = [...SERVICES.map((service) => service.name), CONSOLE];

/** The environment variables that choose where the stack's pieces run, remembered by rememberSettings. */
const SETTINGS = [
  'KAFKA_BROKERS',
  'SCHEMA_REGISTRY_URL',
  'DATABASE_ADMIN_URL',
  'OIDC_ISSUER_URL',
  'DEV_CONSOLE_REDIRECT_URIS',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTLP_RECEIVER_PORT',
  'ASYNCAPI_DOCS_PORT',
  'CONSOLE_PORT',
  ...Object.values(PORT_VARIABLES),
  ...SERVICES.flatMap((service) => [databaseUrlVariable(service.name), portVariable(service, 'PORT'), portVariable(service, 'METRICS_PORT')]),
];
const settingsFile = join(stateDir, 'stack-settings.json');

/**
 * Settings given when the stack was started stay in force for a later `npm start` or restart while
 * any of it runs (`npm stop` forgets them), so bringing back one piece needs no variables repeated;
 * a variable set now wins.
 */
function applyRememberedSettings(): void {
  const remembered: Record<string, string> = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  for (const [variable, value] of Object.entries(remembered)) process.env[variable] ??= value;
}

function rememberSettings(): void {
  const given = SETTINGS.flatMap((variable) => (process.env[variable] === undefined ? [] : [[variable, process.env[variable]]]));
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(settingsFile, `${JSON.stringify(Object.fromEntries(given), null, 2)}\n`, { mode: 0o600 });
}

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

/** The browsable AsyncAPI document of the topics (README "Integrating with Tradeflow"). */
async function startAsyncApiDocs(): Promise<string> {
  const port = Number(process.env.ASYNCAPI_DOCS_PORT ?? 8090);
  if (!runningPid(stateDir, ASYNCAPI_DOCS)) {
    const docs = startProcess({
      name: ASYNCAPI_DOCS,
      command: process.execPath,
      args: ['--require', '@swc-node/register', join(ROOT, 'libs/events/tools/asyncapi/serve-asyncapi-docs.ts'), String(port)],
      stateDir,
      env: { TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      detached: true,
    });
    await waitUntilReady(docs, async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.ok === true, 30_000);
  }
  return `http://127.0.0.1:${port}`;
}

/**
 * The ops console (apps/console): its UI built, then its backend-for-frontend on CONSOLE_PORT (3000,
 * the development provider's registered callback), calling the services with the person's token.
 */
async function startConsole(issuerUrl: string, traceFile: string): Promise<string> {
  const port = Number(process.env.CONSOLE_PORT ?? 3000);
  const url = `http://127.0.0.1:${port}`;
  if (runningPid(stateDir, CONSOLE)) return url;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/console/vite.config.mjs', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const urls = Object.fromEntries(SERVICES.map((service) => [service.name, `http://127.0.0.1:${portOf(service)}`])) as Record<Service['name'], string>;
  const running = startProcess({
    name: CONSOLE,
    command: process.execPath,
    args: ['--require', '@swc-node/register', join(ROOT, 'apps/console/src/server/main.ts')],
    stateDir,
    env: {
      NODE_ENV: 'development',
      CONSOLE_PORT: String(port),
      CONSOLE_BASE_URL: url,
      OIDC_ISSUER_URL: issuerUrl,
      CONSOLE_CLIENT_ID: 'tradeflow-console',
      CONSOLE_CLIENT_SECRET: 'dev-console-secret',
      CONSOLE_SESSION_SECRET: developmentSecret('dev-console-session-secret', () => randomBytes(32).toString('hex')),
      CONSOLE_ORDER_URL: urls.order,
      CONSOLE_INVENTORY_URL: urls.inventory,
      CONSOLE_INVOICING_URL: urls.invoicing,
      CONSOLE_SHIPPING_URL: urls.shipping,
      CONSOLE_CRM_SYNC_URL: urls['crm-sync'],
      TRACE_STORE_FILE: traceFile,
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    },
    detached: true,
  });
  await waitUntilReady(running, async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true, 60_000);
  return url;
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

/**
 * The sample products, put into inventory's product master as the ERP does (client erp), until the
 * order service knows them: orders for any other sku are refused. A repeat changes nothing.
 */
async function seedProducts(issuerUrl: string): Promise<void> {
  const url = (name: Service['name']) => `http://127.0.0.1:${portOf(SERVICES.find((service) => service.name === name)!)}`;
  const products = JSON.parse(readFileSync(join(ROOT, 'deploy/local/sample-data/products.json'), 'utf8'));
  await loadProducts(products, { inventory: url('inventory'), order: url('order') }, { issuerUrl });
}

/** `ORDER_PORT`, `CRM_SYNC_METRICS_PORT`, …: a port other than the default for one service. */
function portVariable(service: Service, kind: 'PORT' | 'METRICS_PORT'): string {
  return `${service.name.toUpperCase().replace('-', '_')}_${kind}`;
}

function portOf(service: Service, kind: 'PORT' | 'METRICS_PORT' = 'PORT'): number {
  return Number(process.env[portVariable(service, kind)] ?? (kind === 'PORT' ? service.port : service.metricsPort));
}

/** Partner secrets each go to the one service that checks them (made by developmentSecret). */
function partnerSecrets(): Record<Service['name'], Record<string, string>> {
  const secret = (name: string) => developmentSecret(name, () => randomBytes(32).toString('hex'));
  return {
    order: {},
    inventory: {},
    invoicing: { PAYMENT_PROVIDER_WEBHOOK_SECRET: secret('dev-payment-provider-webhook-secret') },
    shipping: { CARRIER_WEBHOOK_SECRET: secret('dev-carrier-webhook-secret') },
    'crm-sync': { CRM_WEBHOOK_SECRET: secret('dev-crm-webhook-secret') },
  };
}

/** How to call the services: a token of a development client, who those clients are, the console's people. */
function printCredentials(issuerUrl: string): void {
  console.log(`\nOpenID provider ${issuerUrl}. A token (valid 1 h) for a development client, e.g. ops:`);
  console.log(`  TOKEN=$(curl -s -u ops:${devClientSecret('ops')} -d grant_type=client_credentials -d resource=${DEV_AUDIENCE} ${issuerUrl}/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`);
  console.log(`  curl -s http://127.0.0.1:3002/v1/stock -H "authorization: Bearer $TOKEN"`);
  console.log('Development clients (client id:secret → roles):');
  for (const client of DEV_CLIENTS) {
    console.log(`  ${`${client}:${devClientSecret(client)}`.padEnd(32)} ${DEV_CLIENT_ROLES[client].join(', ') || '(none: every role-guarded route answers 403)'}`);
  }
  console.log(`Console login (any password): ${Object.keys(DEV_PEOPLE).join(', ')}; the user name is the role, admin has every role.`);
}

/** What `up` would start: a process of the stack that is not running, or a server whose pid file outlived it. */
function notRunning(): string[] {
  const infrastructure = infrastructureStatus(stateDir).components.filter(
    (component) => !component.running && existsSync(join(stateDir, component.name, `${component.name}.pid`)),
  );
  const own = [
    ...SERVICES.map((service) => service.name),
    ...(process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? [] : [TRACE_RECEIVER]),
    ASYNCAPI_DOCS,
    CONSOLE,
  ].filter((name) => !runningPid(stateDir, name));
  return [...infrastructure.map((component) => component.name), ...own];
}

async function up(): Promise<void> {
  applyRememberedSettings();
  if (notRunning().length === 0) {
    console.log(`Everything already runs from ${stateDir} (npm run status); nothing started.`);
    return;
  }
  rememberSettings();
  const infrastructure = await startInfrastructure({ services: SERVICES.map((service) => service.name), detached: true, reuseRunning: true });
  for (const component of infrastructure.started) console.log(`${component.name.padEnd(10)} started (logs: ${component.logFile})`);
  const apiKey = developmentSecret('dev-api-key', () => `tf_dev_${randomBytes(18).toString('base64url')}`);
  const secrets = partnerSecrets();
  const env: Record<string, string> = {
    OTEL_EXPORTER_OTLP_ENDPOINT: await startTraceReceiver(),
    KAFKA_BROKERS: infrastructure.kafkaBrokers,
    SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
    OIDC_ISSUER_URL: infrastructure.oidcIssuerUrl,
    ORDER_BOOTSTRAP_API_KEY: `dev-shop:${apiKey}:orders:write,orders:read,orders:approve`,
    INVENTORY_SEED_FILE: join(ROOT, 'deploy/local/sample-data/stock.json'),
  };
  for (const service of SERVICES) env[databaseUrlVariable(service.name)] = infrastructure.databaseUrls[service.name];
  // As in production (npm run schemas:register): every subject exists, FULL_TRANSITIVE, before a service produces.
  await registerEventSchemas(new ConfluentSchemaRegistryClient({ registryUrl: infrastructure.schemaRegistryUrl }));

  for (const service of SERVICES) {
    if (runningPid(stateDir, service.name)) continue;
    const [port, metricsPort] = [portOf(service), portOf(service, 'METRICS_PORT')];
    const running = startProcess({
      name: service.name,
      command: process.execPath,
      args: ['--require', '@swc-node/register', join(ROOT, 'apps', service.name, 'src', 'main.ts')],
      stateDir,
      // The service resolves @tradeflow/* through the root tsconfig, whatever its working folder.
      env: {
        ...env,
        ...secrets[service.name],
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        HOST: '127.0.0.1',
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
      detached: true,
    });
    await waitUntilReady(running, async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.ok === true, 90_000);
    console.log(`${service.name.padEnd(10)} http://127.0.0.1:${port}   (OpenAPI: /docs, metrics: http://127.0.0.1:${metricsPort}/metrics, logs: ${running.logFile})`);
  }
  const crmSync = SERVICES.find((service) => service.name === 'crm-sync')!;
  await seedCustomers(`http://127.0.0.1:${portOf(crmSync)}`, secrets['crm-sync'].CRM_WEBHOOK_SECRET);
  await seedProducts(infrastructure.oidcIssuerUrl);
  console.log(`\nKafka ${infrastructure.kafkaBrokers}, schema registry ${infrastructure.schemaRegistryUrl}`);
  console.log(`Traces: ${env.OTEL_EXPORTER_OTLP_ENDPOINT} (npm run trace -- <orderId>)`);
  console.log(`Event contract (AsyncAPI): ${await startAsyncApiDocs()}`);
  console.log(`Development API key (channel dev-shop, scopes orders:write orders:read orders:approve):\n  ${apiKey}`);
  console.log(`Webhook secrets (README "Partner webhooks"): ${stateDir}/dev-{crm,carrier,payment-provider}-webhook-secret`);
  printCredentials(infrastructure.oidcIssuerUrl);
  const consoleUrl = await startConsole(infrastructure.oidcIssuerUrl, join(stateDir, 'traces', 'spans.jsonl'));
  console.log(`\nOps console: ${consoleUrl} — log in as ${Object.keys(DEV_PEOPLE).join(', ')} (any password; admin has every role)`);
}

async function restart(): Promise<void> {
  const name = process.argv[3];
  if (!name || !RESTARTABLE.includes(name)) {
    console.error(`${name ? `unknown service "${name}"` : 'no service named'}; restart one of: ${RESTARTABLE.join(', ')}`);
    process.exit(2);
  }
  await stopProcess(stateDir, name, 'SIGTERM', name === CONSOLE ? 10_000 : 15_000);
  await up();
}

async function down(): Promise<void> {
  await stopProcess(stateDir, CONSOLE, 'SIGTERM', 10_000);
  for (const service of [...SERVICES].reverse()) await stopProcess(stateDir, service.name, 'SIGTERM', 15_000);
  await stopProcess(stateDir, TRACE_RECEIVER, 'SIGTERM', 5_000);
  await stopProcess(stateDir, ASYNCAPI_DOCS, 'SIGTERM', 5_000);
  const stopped = await stopInfrastructure(stateDir);
  rmSync(settingsFile, { force: true });
  console.log(`stopped: ${[CONSOLE, ...SERVICES.map((service) => service.name), ...stopped].join(', ')}`);
}

function status(): void {
  applyRememberedSettings();
  const infrastructure = infrastructureStatus(stateDir);
  const endpoints = infrastructure.endpoints;
  const where: Record<string, string | undefined> = {
    kafka: endpoints?.kafkaBrokers,
    registry: endpoints?.schemaRegistryUrl,
    postgres: endpoints?.adminDatabaseUrl?.replace(/\/\/[^@]*@/, '//'),
    oidc: endpoints?.oidcIssuerUrl,
    [TRACE_RECEIVER]: process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? `http://127.0.0.1:${process.env.OTLP_RECEIVER_PORT ?? 4318}`,
    [ASYNCAPI_DOCS]: `http://127.0.0.1:${process.env.ASYNCAPI_DOCS_PORT ?? 8090}`,
    [CONSOLE]: `http://127.0.0.1:${process.env.CONSOLE_PORT ?? 3000}`,
    ...Object.fromEntries(SERVICES.map((service) => [service.name, `http://127.0.0.1:${portOf(service)}`])),
  };
  const names = [...infrastructure.components.map((component) => component.name), TRACE_RECEIVER, ASYNCAPI_DOCS, ...SERVICES.map((service) => service.name), CONSOLE];
  console.log(`state dir ${stateDir}`);
  for (const name of names) {
    const pid = runningPid(stateDir, name);
    const state = pid === undefined ? 'stopped' : `running (pid ${pid})`;
    console.log(`${name.padEnd(15)} ${state.padEnd(22)} ${pid === undefined ? '' : (where[name] ?? '')}`);
  }
}

const command = process.argv[2];
const actions: Record<string, () => Promise<void> | void> = { up, down, status, restart };
if (!command || !(command in actions)) {
  console.error('usage: stack.ts up|down|status|restart <service>');
  process.exit(2);
}
Promise.resolve(actions[command]()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
