import { parseArgs } from 'node:util';
import type { ServiceName, ServiceUrls } from '../reader/system-reader';
import { SERVICES } from '../reader/system-reader';

/** The local stack's ports (deploy/local/stack.ts), which <SERVICE>_PORT overrides there too. */
const LOCAL_PORTS: Record<ServiceName, number> = { order: 3001, inventory: 3002, invoicing: 3003, shipping: 3004, 'crm-sync': 3005 };
/** The local stack's development OpenID provider (libs/testing), which OIDC_PORT overrides there too. */
const LOCAL_OIDC_PORT = 9400;

export const USAGE = `usage: npm run reconcile -- [options]

Reads every service's HTTP API and checks the invariants of docs/design.md#invariants across all orders, skus,
invoices and credit notes, and each service's messaging (outbox, inbox, stuck partitions, dead
letters). Prints each mismatch on its own line, then a summary. Exit code: 0 clean, 1 mismatches,
2 a service could not be read or an argument is wrong.

  --order-url <url>       default http://127.0.0.1:3001 (env RECONCILE_ORDER_URL)
  --inventory-url <url>   default http://127.0.0.1:3002 (env RECONCILE_INVENTORY_URL)
  --invoicing-url <url>   default http://127.0.0.1:3003 (env RECONCILE_INVOICING_URL)
  --shipping-url <url>    default http://127.0.0.1:3004 (env RECONCILE_SHIPPING_URL)
  --crm-sync-url <url>    default http://127.0.0.1:3005 (env RECONCILE_CRM_SYNC_URL)
                          (the default ports follow <SERVICE>_PORT, as npm start does)
  --skip <service>        leave a service and the checks that need it out, e.g. crm-sync; repeatable
  --token <jwt>           a bearer token with the role auditor (reads everything, changes nothing)
                          from your OpenID issuer (env RECONCILE_TOKEN); default: a development
                          token of client admin from the local issuer (OIDC_ISSUER_URL, else
                          http://127.0.0.1:9400, following OIDC_PORT as npm start does)
  --outbox-grace <s>      unpublished outbox rows younger than this are in flight (default 30)
  --settle <s>            events take a moment to reach every service: on mismatches, read again
                          every 2 s for up to this long before reporting them (default 10; 0: once)
  --help`;

export interface ReconcileOptions {
  urls: ServiceUrls;
  skipped: ServiceName[];
  /** Given by flag or environment; otherwise a development token from devIssuerUrl. */
  token?: string;
  /** The local stack's or the tests' development OpenID provider. */
  devIssuerUrl: string;
  outboxGraceSeconds: number;
  settleSeconds: number;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const envName = (service: ServiceName) => service.toUpperCase().replace('-', '_');

function url(service: ServiceName, given: string | undefined, env: NodeJS.ProcessEnv): string {
  const value = given ?? env[`RECONCILE_${envName(service)}_URL`] ?? `http://127.0.0.1:${env[`${envName(service)}_PORT`] ?? LOCAL_PORTS[service]}`;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`--${service}-url: "${value}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--${service}-url: "${value}" is not an http(s) URL`);
  return value.replace(/\/+$/, '');
}

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) throw new UsageError(`--${name}: "${value}" is not a number of seconds ≥ 0`);
  return parsed;
}

/** The command line and environment, checked; a UsageError names the bad argument. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ReconcileOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
  const skipped = (values.skip ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  for (const service of skipped) {
    if (!(SERVICES as readonly string[]).includes(service)) throw new UsageError(`--skip: unknown service "${service}" (one of ${SERVICES.join(', ')})`);
    if (service === 'order') throw new UsageError('--skip: order cannot be skipped: every check starts from the orders');
  }
  const given: Record<ServiceName, string | undefined> = {
    order: values['order-url'],
    inventory: values['inventory-url'],
    invoicing: values['invoicing-url'],
    shipping: values['shipping-url'],
    'crm-sync': values['crm-sync-url'],
  };
  const urls: ServiceUrls = { order: url('order', given.order, env) };
  for (const service of SERVICES) {
    if (service !== 'order' && !skipped.includes(service)) urls[service] = url(service, given[service], env);
  }
  const token = values.token ?? env.RECONCILE_TOKEN;
  if (token !== undefined && token.trim() === '') throw new UsageError('--token is empty');
  return {
    urls,
    skipped: [...new Set(skipped)] as ServiceName[],
    token: token?.trim(),
    devIssuerUrl: env.OIDC_ISSUER_URL || `http://127.0.0.1:${env.OIDC_PORT || LOCAL_OIDC_PORT}`,
    outboxGraceSeconds: seconds('outbox-grace', values['outbox-grace'], 30),
    settleSeconds: seconds('settle', values.settle, 10),
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'order-url': { type: 'string' },
      'inventory-url': { type: 'string' },
      'invoicing-url': { type: 'string' },
      'shipping-url': { type: 'string' },
      'crm-sync-url': { type: 'string' },
      skip: { type: 'string', multiple: true },
      token: { type: 'string' },
      'outbox-grace': { type: 'string' },
      settle: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
}
