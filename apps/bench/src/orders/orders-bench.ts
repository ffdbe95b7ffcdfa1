import { devAccessToken } from '@tradeflow/testing';
import { Client } from 'pg';
import type { OrdersProfile } from '../bench-profile';
import type { BenchInfrastructure } from '../environment/bench-infrastructure';
import type { ScratchResources } from '../environment/scratch-resources';
import type { LatencySummary } from '../stats/percentiles';
import { summarise } from '../stats/percentiles';
import { CHANNELS } from './order-mix';
import { seedOrders } from './order-seed';
import { startOrderService } from './order-service';

export interface OrdersQueryResult {
  name: string;
  /** One example of what was asked (the deep pages each carry their own afterId). */
  path: string;
  latency: LatencySummary;
  /** Orders the first answer listed: a query that finds nothing measures nothing. */
  items: number;
}

export interface OrdersResult {
  orders: number;
  lines: number;
  seedSeconds: number;
  queries: OrdersQueryResult[];
  logDir: string;
  problems: string[];
}

interface Context {
  profile: OrdersProfile;
  infrastructure: BenchInfrastructure;
  scratch: ScratchResources;
  runId: string;
  log: (line: string) => void;
}

interface Page {
  items: unknown[];
  nextAfterId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The console's order list at scale: the order service on a database seeded with the profile's
 * orders, asked over HTTP with a staff token for each search the Orders and Stuck orders pages
 * make, one request at a time (a person at the console), each timed from send to parsed body.
 */
export async function benchOrders({ profile, infrastructure, scratch, runId, log }: Context): Promise<OrdersResult> {
  log('orders: starting the order service');
  const service = await startOrderService(infrastructure, scratch, runId);
  try {
    log(`orders: seeding ${profile.orders} orders`);
    const seeded = await seedOrders(service.databaseUrl, profile.orders);
    const samples = await sampleValues(service.databaseUrl);
    const authorization = `Bearer ${await devAccessToken('auditor', infrastructure.oidcIssuerUrl)}`;
    const problems: string[] = [];
    const get = async (path: string): Promise<Page> => {
      const response = await fetch(`${service.url}${path}`, { headers: { authorization } });
      const body = (await response.json()) as Page;
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    const from = new Date(Date.now() - 30 * DAY_MS);
    const searches: [string, string][] = [
      ['first page', '/v1/orders'],
      ['one customer', `/v1/orders?customerId=${samples.customerId}`],
      ['one status (RESERVED)', '/v1/orders?status=RESERVED'],
      ['channel, placed in 3 days', `/v1/orders?channel=${CHANNELS[0]}&placedFrom=${from.toISOString()}&placedTo=${new Date(from.getTime() + 3 * DAY_MS).toISOString()}`],
      [`id prefix (${samples.idPrefix.length} characters)`, `/v1/orders?q=${samples.idPrefix}`],
    ];
    const queries: OrdersQueryResult[] = [];
    for (const [name, path] of searches) {
      log(`orders: ${name}`);
      queries.push(await measure(name, [path], profile, get, problems));
    }
    log('orders: following nextAfterId');
    const deepPaths = await followPages(get, profile.pagesDeep);
    queries.push(await measure(`next pages 1–${profile.pagesDeep} (nextAfterId)`, deepPaths, profile, get, problems));
    log('orders: stuck orders');
    queries.push(await measure('stuck orders', ['/v1/orders/stuck'], profile, get, problems));
    return { orders: seeded.orders, lines: seeded.lines, seedSeconds: seeded.seconds, queries, logDir: service.logDir, problems };
  } finally {
    await service.stop();
  }
}

/** Each path requested warm-up times unmeasured, then `repeats` times measured, the paths taking turns. */
async function measure(
  name: string,
  paths: string[],
  profile: OrdersProfile,
  get: (path: string) => Promise<Page>,
  problems: string[],
): Promise<OrdersQueryResult> {
  const latencies: number[] = [];
  let items = 0;
  let failed = false;
  try {
    for (let round = 0; round < profile.warmup; round++) for (const path of paths) items = (await get(path)).items.length;
    for (let round = 0; round < profile.repeats; round++) {
      for (const path of paths) {
        const started = performance.now();
        await get(path);
        latencies.push(performance.now() - started);
      }
    }
  } catch (error) {
    failed = true;
    problems.push(`${name}: ${(error as Error).message}`);
  }
  if (items === 0 && !failed) problems.push(`${name}: found no orders, so it measured nothing`);
  return { name, path: paths[paths.length - 1], latency: summarise(latencies), items };
}

/** The paths of the pages after the first, following nextAfterId as the console's "next" button does. */
async function followPages(get: (path: string) => Promise<Page>, depth: number): Promise<string[]> {
  const paths: string[] = [];
  let page = await get('/v1/orders');
  while (paths.length < depth && page.nextAfterId) {
    const path = `/v1/orders?afterId=${page.nextAfterId}`;
    paths.push(path);
    page = await get(path);
  }
  return paths;
}

/** A customer with many orders (the one customer service is most often asked about) and an id prefix that matches some. */
async function sampleValues(databaseUrl: string): Promise<{ customerId: string; idPrefix: string }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const customer = await client.query<{ customer_id: string }>(
      'SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1',
    );
    const order = await client.query<{ id: string }>('SELECT id FROM orders ORDER BY id OFFSET (SELECT count(*) / 2 FROM orders) LIMIT 1');
    return { customerId: customer.rows[0].customer_id, idPrefix: order.rows[0].id.slice(0, 3) };
  } finally {
    await client.end();
  }
}
