import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runReconcile } from './reconcile-command';

const ORDER = 'a0000000-0000-4000-8000-000000000001';
const TOKEN = 'eyJ.test.token';
const FORGED = 'a0000000-0000-4000-8000-00000000000f';

/** What the services answer, by path (without the query); a test changes it to break the system. */
type Routes = Record<string, unknown>;

function consistentSystem(): Routes {
  const line = { lineNo: 1, sku: 'MUG', quantity: 2, unitPriceMinor: 100, taxRateBp: 1900, netMinor: 200, taxMinor: 38 };
  const invoice = {
    id: 'i1',
    number: 'INV-000001',
    orderId: ORDER,
    customerId: 'CUST-1',
    currency: 'EUR',
    shipmentId: 's1',
    lines: [line],
    netMinor: 200,
    taxMinor: 38,
    totalMinor: 238,
    paidMinor: 38,
    creditedMinor: 0,
  };
  const messaging = {
    '/v1/messaging/status': { outbox: { count: 0, oldestAgeSeconds: 0, failingSince: null }, consumerGroup: 'g', retrying: [] },
    '/v1/dead-letters': { deadLetterTopic: 'g.dlq', count: 0, deadLetters: [] },
  };
  const prefixed = (service: string, routes: Routes) => Object.fromEntries(Object.entries(routes).map(([path, body]) => [`/${service}${path}`, body]));
  return {
    ...prefixed('order', {
      ...messaging,
      '/v1/orders': {
        items: [
          {
            id: ORDER,
            status: 'SHIPPED',
            lines: [{ lineNo: 1, sku: 'MUG', ordered: 2, reserved: 2, backordered: 0, shipped: 2, invoiced: 2, returned: 0, credited: 0 }],
            invoices: [{ invoiceId: 'i1', invoiceNumber: 'INV-000001', totalMinor: 238 }],
          },
        ],
        nextAfterId: null,
      },
      '/v1/customer-accounts/CUST-1': { customerId: 'CUST-1', survivorId: 'CUST-1', mergedIds: [], currency: 'EUR', unpaidInvoicesMinor: 200, openOrdersMinor: 0 },
    }),
    ...prefixed('inventory', {
      ...messaging,
      '/v1/stock': { items: [{ sku: 'MUG', warehouses: [{ warehouse: 'BER', onHand: 8, reserved: 0 }] }], nextAfterSku: null },
      '/v1/reservations': { orderId: ORDER, lines: [{ lineNo: 1, sku: 'MUG', warehouses: [{ warehouse: 'BER', reserved: 2, issued: 2, returned: 0 }] }] },
      '/v1/reservations/orders': { items: [{ orderId: ORDER, status: 'active', held: 0, backordered: 0 }], nextAfterOrderId: null },
    }),
    ...prefixed('invoicing', { ...messaging, '/v1/invoices': { items: [invoice], nextAfterId: null }, '/v1/credit-notes': { items: [], nextAfterId: null } }),
    ...prefixed('crm-sync', {
      ...messaging,
      '/v1/customers/CUST-1': { customerId: 'CUST-1', mergedCustomerIds: [], totals: [{ currency: 'EUR', lifetimeRevenueMinor: 238, openBalanceMinor: 200 }] },
    }),
    ...prefixed('shipping', {
      ...messaging,
      '/v1/shipments': { items: [{ id: 's1', orderId: ORDER, warehouse: 'BER', status: 'DELIVERED', lines: [{ lineNo: 1, sku: 'MUG', quantity: 2 }] }], nextAfterId: null },
    }),
  };
}

/** The development OpenID provider's token endpoint, as far as reconcile uses it: client admin's client-credentials grant. */
function issueDevelopmentToken(request: IncomingMessage, response: ServerResponse): void {
  const admin = `Basic ${Buffer.from('admin:dev-admin-secret').toString('base64')}`;
  const granted = request.method === 'POST' && request.headers.authorization === admin;
  response.writeHead(granted ? 200 : 401, { 'content-type': 'application/json' });
  response.end(JSON.stringify(granted ? { access_token: TOKEN, token_type: 'Bearer', expires_in: 600 } : { error: 'invalid_client' }));
}

describe('runReconcile against services answering over HTTP', () => {
  let server: Server;
  let routes: Routes;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (path === '/issuer/token') return issueDevelopmentToken(request, response);
      const refused = request.headers.authorization !== `Bearer ${TOKEN}`;
      const body = refused ? { message: 'token refused (ERR_JWS_INVALID)' } : routes[path];
      response.writeHead(refused ? 401 : body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { message: `Cannot GET ${path}` }));
    });
    // Idle connections stay open: loading @tradeflow/testing blocks the event loop for seconds, and a
    // connection the server timed out meanwhile would fail the next request on it.
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    routes = consistentSystem();
  });

  async function run(...extra: string[]) {
    return runWith({}, '--token', TOKEN, ...extra);
  }

  async function runWith(env: NodeJS.ProcessEnv, ...extra: string[]) {
    const printed: string[] = [];
    const warned: string[] = [];
    const argv = ['order', 'inventory', 'invoicing', 'shipping'].flatMap((service) => [`--${service}-url`, `${base}/${service}`]);
    const code = await runReconcile([...argv, '--skip', 'crm-sync', '--settle', '0', ...extra], env, {
      print: (line) => printed.push(line),
      warn: (line) => warned.push(line),
    });
    return { code, printed, warned };
  }

  it('exits 0 with a summary when every invariant holds', async () => {
    const { code, printed, warned } = await run();
    expect(warned).toEqual([]);
    expect(printed).toEqual([
      'reconcile: checked 1 orders (1 lines), 1 invoices, 0 credit notes, 1 shipments, 1 skus (1 sku/warehouse levels), messaging of 4 services ' +
        '(inbox duplicates not reported by order, inventory, invoicing, shipping; skipped crm-sync): no mismatches',
    ]);
    expect(code).toBe(0);
  });

  it("takes a development token of client admin from the local issuer when given none, and says so when there is none", async () => {
    expect((await runWith({ OIDC_ISSUER_URL: `${base}/issuer` })).code).toBe(0);

    const nowhere = await runWith({ OIDC_ISSUER_URL: `${base}/no-issuer` });
    expect(nowhere.code).toBe(2);
    expect(nowhere.warned[0]).toMatch(/^reconcile: no token: give --token or RECONCILE_TOKEN \(a token with the role auditor\); no development token from .*\/no-issuer either/);
    // The first call loads @tradeflow/testing, which takes seconds on a busy machine.
  }, 60_000);

  it('exits 1 and prints each mismatch with its ids', async () => {
    const invoices = routes['/invoicing/v1/invoices'] as { items: { lines: { quantity: number }[] }[] };
    invoices.items[0].lines[0].quantity = 3;
    const { code, printed } = await run();
    expect(code).toBe(1);
    expect(printed).toEqual([
      `MISMATCH invoiced=shipped order=${ORDER} line=1 sku=MUG: invoices hold 3, the order shipped 2`,
      `MISMATCH document-line-amounts order=${ORDER} line=1 sku=MUG invoice=INV-000001: net 200 ≠ quantity 3 × unit price 100`,
      expect.stringMatching(/: 2 mismatches$/),
    ]);
  });

  it("reports the order service's unpaid invoices drifting from invoicing's open balance", async () => {
    (routes['/order/v1/customer-accounts/CUST-1'] as { unpaidInvoicesMinor: number }).unpaidInvoicesMinor = 238;
    const { code, printed } = await run();
    expect(code).toBe(1);
    expect(printed[0]).toBe("MISMATCH customer-exposure customer=CUST-1: the order service counts 238 EUR unpaid on invoices; invoicing's open balance is 200");
  });

  it("reports crm-sync's lifetime revenue drifting from invoicing's invoiced − credited, when crm-sync is read", async () => {
    let printed: string[] = [];
    const withCrm = (...extra: string[]) =>
      runReconcile([...['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'].flatMap((service) => [`--${service}-url`, `${base}/${service}`]), '--token', TOKEN, '--settle', '0', ...extra], {}, {
        print: (line) => printed.push(line),
        warn: () => undefined,
      });
    expect(await withCrm()).toBe(0);
    (routes['/crm-sync/v1/customers/CUST-1'] as { totals: { lifetimeRevenueMinor: number }[] }).totals[0].lifetimeRevenueMinor = 200;
    printed = [];
    expect(await withCrm()).toBe(1);
    expect(printed[0]).toBe("MISMATCH customer-revenue customer=CUST-1: crm-sync's lifetime revenue 200 EUR ≠ invoicing's invoiced 238 − credited 0");
  });

  it('names stock inventory holds for an order the order service does not know, not for one placed while reading', async () => {
    const reserved = routes['/inventory/v1/reservations/orders'] as { items: unknown[] };
    reserved.items.push({ orderId: FORGED, status: 'active', held: 3, backordered: 0 });
    const { code, printed } = await run();
    expect(code).toBe(1);
    expect(printed[0]).toBe(
      `MISMATCH orphan-effect order=${FORGED}: inventory holds 3 reserved and 0 backordered for an order the order service does not know; ` +
        `release the reservations with POST /v1/reservations/${FORGED}/release (role ops, with a reason)`,
    );

    // Not in the listing read first, but known to the order service by the time its effects were read.
    routes[`/order/v1/orders/${FORGED}`] = { id: FORGED, status: 'APPROVED', lines: [], invoices: [] };
    expect((await run()).code).toBe(0);
  });

  it('reads again while mismatches may still heal, and reports only what lasts', async () => {
    const listing = routes['/shipping/v1/shipments'] as { items: { status: string }[] };
    listing.items[0].status = 'LABELLED';
    setTimeout(() => (listing.items[0].status = 'DISPATCHED'), 500);
    const { code, warned } = await run('--settle', '5');
    expect(warned).toEqual([expect.stringContaining('reading again in case events are still on their way')]);
    expect(code).toBe(0);
  });

  it('exits 2 naming the service that cannot be read', async () => {
    const refused = await run('--token', 'wrong');
    expect(refused.code).toBe(2);
    expect(refused.warned[0]).toMatch(/^reconcile: cannot read order: refused the token at .*\/order\/v1\/orders\?limit=100 \(401: token refused \(ERR_JWS_INVALID\)\); give one with the role auditor/);

    delete routes['/order/v1/orders'];
    const outdated = await run();
    expect(outdated.code).toBe(2);
    expect(outdated.warned[0]).toContain('cannot read order: GET ' + base + '/order/v1/orders?limit=100 answered 404');

    routes = consistentSystem();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await run('--shipping-url', `http://127.0.0.1:${port}`);
    expect(down.code).toBe(2);
    expect(down.warned[0]).toMatch(new RegExp(`^reconcile: cannot read shipping: unreachable at http://127.0.0.1:${port}/v1/.*ECONNREFUSED.*is it running\\?`));
  });

  it('exits 2 with the usage for a bad argument', async () => {
    const { code, warned } = await run('--settle', 'later');
    expect(code).toBe(2);
    expect(warned[0]).toMatch(/^reconcile: --settle: "later" is not a number of seconds ≥ 0\n\nusage: npm run reconcile/);
  });
});
