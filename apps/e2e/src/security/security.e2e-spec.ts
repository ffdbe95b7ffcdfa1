import type { DevClient } from '@tradeflow/testing';
import { devAccessToken, devAuthorization } from '@tradeflow/testing';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { callAs, postSigned, TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice, SliceService } from '../slice';
import {
  API_KEY,
  APPROVER_KEY,
  call,
  CARRIER_WEBHOOK_SECRET,
  CRM_WEBHOOK_SECRET,
  PAYMENT_PROVIDER_WEBHOOK_SECRET,
  startSlice,
} from '../slice';
import { exitOutput } from './exit-output';
import type { SecretDatabase } from './secret-databases';
import { databasesWithSecretPasswords, query } from './secret-databases';
import type { InjectedField } from './sql-injection';
import { expectedStatus, INJECTIONS, valueAt, withValue } from './sql-injection';

const READ_ONLY_KEY = 'tf_test_readonly_0123456789';
/** Another sales channel: it must never see the shop's orders. */
const MARKET_KEY = 'tf_test_market_0123456789abc';
const REVOKED_KEY = 'tf_test_revoked_0123456789ab';
/** Sent by a caller who guessed: it must not reach the logs either. */
const WRONG_KEY = 'tf_test_wrong_0123456789abcd';
const SERVICES: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ORDER = {
  customerId: 'CUST-1',
  currency: 'EUR',
  shippingAddress: { name: 'Ada Lovelace', line1: '12 Analytical Row', line2: 'Floor 2', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' },
  lines: [{ sku: 'SEC-MUG', quantity: 1, unitPriceMinor: 500, taxRateBp: 700 }],
};

/**
 * Issue 9, security: API keys (401/403, revocation, hashing), signed webhooks, SQL injection, secrets in logs.
 * Issue 19: bearer tokens (forged or tampered → 401), channels see only their own orders, security
 * headers, rate limits per principal (429 with Retry-After), no token in any log.
 */
describe('security of the services', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  let databases: Record<SliceService, SecretDatabase>;
  /** Logs of processes already stopped (the order service before its restart). */
  const earlierLogs: string[] = [];
  const bootstrapKeys = [
    `e2e-shop:${API_KEY}:orders:write,orders:read`,
    `e2e-backoffice:${APPROVER_KEY}:orders:approve,orders:read`,
    `e2e-reports:${READ_ONLY_KEY}:orders:read`,
    `e2e-old:${REVOKED_KEY}:orders:write,orders:read`,
    `e2e-market:${MARKET_KEY}:orders:write,orders:read`,
  ].join(';');

  beforeAll(async () => {
    databases = await databasesWithSecretPasswords(SERVICES);
    const settings = (service: SliceService, extra: Record<string, string> = {}) => ({
      LOG_LEVEL: 'debug',
      [databases[service].variable]: databases[service].url,
      ...extra,
    });
    slice = await startSlice({
      // Named in the bootstrap and revoked: revocation wins.
      order: settings('order', { ORDER_BOOTSTRAP_API_KEY: bootstrapKeys, ORDER_REVOKED_API_KEYS: sha256(REVOKED_KEY) }),
      inventory: settings('inventory'),
      shipping: settings('shipping'),
      invoicing: settings('invoicing'),
      'crm-sync': settings('crm-sync'),
    });
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts('SEC-MUG');
  }, 180_000);
  afterAll(() => slice?.stop());

  const orders = () => `${slice.order.url}/v1/orders`;
  const withKey = (key?: string, extra: Record<string, string> = {}) => ({ ...(key ? { 'x-api-key': key } : {}), ...extra });
  const place = (key?: string, body: unknown = ORDER, extra: Record<string, string> = {}) =>
    call('POST', orders(), body, withKey(key, { 'idempotency-key': randomUUID(), ...extra }));

  it('order API: 401 without a key, with an unknown or a revoked one; 403 without the scope', async () => {
    const placed = await place(API_KEY);
    expect(placed.status).toBe(201);
    const approve = (key: string) =>
      call('POST', `${orders()}/${placed.body.id}/approve`, { reason: 'ok' }, withKey(key, { 'idempotency-key': randomUUID() }));
    const answers = {
      listWithoutKey: (await call('GET', orders())).status,
      listWithUnknownKey: (await call('GET', orders(), undefined, withKey(WRONG_KEY))).status,
      listWithRevokedKey: (await call('GET', orders(), undefined, withKey(REVOKED_KEY))).status,
      listWithReadKey: (await call('GET', orders(), undefined, withKey(READ_ONLY_KEY))).status,
      placeWithoutKey: (await place()).status,
      placeWithRevokedKey: (await place(REVOKED_KEY)).status,
      placeWithReadKey: (await place(READ_ONLY_KEY)).status,
      placeWithApproveKey: (await place(APPROVER_KEY)).status,
      approveWithWriteKey: (await approve(API_KEY)).status,
      // The scope is right; the order is simply not HELD.
      approveWithApproveKey: (await approve(APPROVER_KEY)).status,
    };
    expect(answers).toEqual({
      listWithoutKey: 401,
      listWithUnknownKey: 401,
      listWithRevokedKey: 401,
      listWithReadKey: 200,
      placeWithoutKey: 401,
      placeWithRevokedKey: 401,
      placeWithReadKey: 403,
      placeWithApproveKey: 403,
      approveWithWriteKey: 403,
      approveWithApproveKey: 409,
    });
  });

  it('stores API keys only as SHA-256 hashes', async () => {
    const rows = await query(databases.order.url, 'SELECT * FROM api_keys');
    const table = JSON.stringify(rows);
    const keys = [API_KEY, APPROVER_KEY, READ_ONLY_KEY, REVOKED_KEY, MARKET_KEY];
    for (const key of keys) expect(table).not.toContain(key);
    expect(rows.map((row) => row.key_hash).sort()).toEqual(keys.map(sha256).sort());
    expect(rows.filter((row) => row.revoked_at !== null).map((row) => row.key_hash)).toEqual([sha256(REVOKED_KEY)]);
  });

  it('CRM webhook: a bad signature, a stale timestamp or a replayed signature get 401 and store nothing', async () => {
    const customer = (customerId: string) => ({
      customerId, name: 'Mallory Ltd', email: null, taxId: null, status: 'ACTIVE',
      creditLimitMinor: null, currency: 'EUR', paymentTermsDays: 30, updatedAt: new Date().toISOString(),
    });
    const send = (raw: string, timestamp: number, signature: string) =>
      fetch(`${slice['crm-sync'].url}/v1/crm/webhooks/customers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tradeflow-timestamp': String(timestamp), 'x-tradeflow-signature': signature },
        body: raw,
      }).then((response) => response.status);
    const sign = (raw: string, timestamp: number, secret = CRM_WEBHOOK_SECRET) =>
      `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
    const stored = () => query(databases['crm-sync'].url, 'SELECT * FROM customers ORDER BY customer_id');
    const now = Math.floor(Date.now() / 1000);

    const genuine = JSON.stringify(customer('CUST-SIGNED'));
    expect(await send(genuine, now, sign(genuine, now))).toBe(200);
    const before = await stored();

    const forged = JSON.stringify(customer('CUST-FORGED'));
    const stale = JSON.stringify(customer('CUST-STALE'));
    const tampered = JSON.stringify({ ...customer('CUST-SIGNED'), name: 'Mallory took over' });
    expect({
      badSignature: await send(forged, now, sign(forged, now, 'not-the-secret-0123456789abcdef0123')),
      staleTimestamp: await send(stale, now - 3600, sign(stale, now - 3600)),
      replayed: await send(genuine, now, sign(genuine, now)),
      replayedSignatureOnAnotherBody: await send(tampered, now, sign(genuine, now)),
    }).toEqual({ badSignature: 401, staleTimestamp: 401, replayed: 401, replayedSignatureOnAnotherBody: 401 });
    expect(await stored()).toEqual(before);
    expect((await callAs('credit', 'GET', `${slice['crm-sync'].url}/v1/customers/CUST-FORGED`)).status).toBe(404);
  });

  it('keeps SQL injection strings in every string field as data or refuses them (400); no table touched', async () => {
    const tables = () => Promise.all(SERVICES.map((service) => query(databases[service].url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)));
    const tablesBefore = await tables();
    const keysBefore = await query(databases.order.url, 'SELECT id, key_hash, revoked_at FROM api_keys ORDER BY id');
    const outcomes: string[] = [];
    const expectations: string[] = [];
    /** Sends one injected request, notes what happened and what should have, and flags a slow answer (pg_sleep ran). */
    async function inject(
      label: string,
      field: InjectedField,
      value: string,
      send: () => Promise<{ status: number; body: unknown }>,
      readBack?: (body: any) => Promise<unknown>,
    ) {
      const started = Date.now();
      const response = await send();
      const expected = expectedStatus(field, value);
      expectations.push(`${label} ${field.path} ${JSON.stringify(value)}: ${expected}`);
      if (Date.now() - started > 5000) outcomes.push(`${label} ${field.path} ${JSON.stringify(value)}: slow`);
      else if (response.status === 400) outcomes.push(`${label} ${field.path} ${JSON.stringify(value)}: 400`);
      else if (response.status < 300 && readBack && (await readBack(response.body)) === value) outcomes.push(`${label} ${field.path} ${JSON.stringify(value)}: stored`);
      else outcomes.push(`${label} ${field.path} ${JSON.stringify(value)}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const refused = (...paths: string[]): InjectedField[] => paths.map((path) => ({ path }));

    for (const value of INJECTIONS) {
      // order: place (address text kept, codes refused), cancel reason kept, amend sku refused
      const orderFields: InjectedField[] = [
        ...refused('customerId', 'currency', 'shippingAddress.countryCode', 'lines.0.sku'),
        { path: 'shippingAddress.name', storedUpTo: 200 },
        { path: 'shippingAddress.line1', storedUpTo: 200 },
        { path: 'shippingAddress.line2', storedUpTo: 200 },
        { path: 'shippingAddress.city', storedUpTo: 100 },
        { path: 'shippingAddress.postalCode', storedUpTo: 20 },
      ];
      for (const field of orderFields) {
        await inject('POST /v1/orders', field, value, () => place(API_KEY, withValue(ORDER, field.path, value)), async (order) => valueAt(await tradeflow.order(order.id), field.path));
      }
      const orderId = await tradeflow.placeOrder([{ sku: 'SEC-MUG', quantity: 1 }]);
      await inject('POST /v1/orders/{id}/cancel', { path: 'reason', storedUpTo: 500 }, value, () => tradeflow.cancel(orderId, value), async () => {
        const { timeline } = await tradeflow.order(orderId);
        return timeline.find((entry: { event: string }) => entry.event === 'OrderCancelled')?.detail.slice(0, value.length);
      });
      await inject('PATCH /v1/orders/{id}', { path: 'lines.0.sku' }, value, () => tradeflow.amend(orderId, [{ sku: value, quantity: 1, unitPriceMinor: 1, taxRateBp: 0 }]));
      await inject('POST /v1/orders', { path: 'Idempotency-Key' }, value, () => place(API_KEY, ORDER, { 'idempotency-key': value }));

      // inventory, shipping, invoicing: every string is an id or code with a pattern
      const receipt = { receiptId: 'R-1', warehouse: 'BER', lines: [{ sku: 'SEC-MUG', quantity: 1 }] };
      for (const field of refused('receiptId', 'warehouse', 'lines.0.sku')) {
        await inject('POST /v1/stock/receipts', field, value, () => callAs('warehouse', 'POST', `${slice.inventory.url}/v1/stock/receipts`, withValue(receipt, field.path, value)));
      }
      for (const field of refused('trackingNumber', 'status')) {
        const event = withValue({ trackingNumber: 'T-1', status: 'DELIVERED' }, field.path, value);
        await inject('POST /v1/carrier/events', field, value, () => postSigned(`${slice.shipping.url}/v1/carrier/events`, event, CARRIER_WEBHOOK_SECRET));
      }
      await inject('POST /v1/returns/{id}/receive', { path: 'id' }, value, () => callAs('warehouse', 'POST', `${slice.shipping.url}/v1/returns/${encodeURIComponent(value)}/receive`));
      const payment = { paymentRef: 'P-1', invoiceId: randomUUID(), amountMinor: 1, currency: 'EUR' };
      for (const field of refused('paymentRef', 'invoiceId', 'currency')) {
        await inject('POST /v1/payments', field, value, () => callAs('finance', 'POST', `${slice.invoicing.url}/v1/payments`, withValue(payment, field.path, value)));
        await inject('POST /v1/payments/webhooks/provider', field, value, () =>
          postSigned(`${slice.invoicing.url}/v1/payments/webhooks/provider`, withValue(payment, field.path, value), PAYMENT_PROVIDER_WEBHOOK_SECRET));
      }

      // crm-sync: the signed webhook keeps name and tax id as data; hold reasons too
      const webhookFields: InjectedField[] = [
        ...refused('customerId', 'email', 'currency', 'status', 'updatedAt'),
        { path: 'name', storedUpTo: 200 },
        { path: 'taxId', storedUpTo: 64 },
      ];
      for (const field of webhookFields) {
        const customerId = `INJ-${randomUUID()}`;
        const body = withValue({ customerId, name: 'Eve', email: null, taxId: null, status: 'ACTIVE', creditLimitMinor: null, currency: 'EUR', paymentTermsDays: 30, updatedAt: new Date().toISOString() }, field.path, value);
        await inject('POST /v1/crm/webhooks/customers', field, value, () => tradeflow.crmWebhook(body), async () =>
          valueAt((await callAs('credit', 'GET', `${slice['crm-sync'].url}/v1/customers/${customerId}`)).body, field.path));
      }
      const customers = `${slice['crm-sync'].url}/v1/customers`;
      await inject('POST /v1/customers/{id}/hold', { path: 'reason', storedUpTo: 500 }, value, () => callAs('credit', 'POST', `${customers}/CUST-1/hold`, { reason: value }), async (view) => view.hold?.reason);
      expect((await callAs('credit', 'POST', `${customers}/CUST-1/release`, { reason: value })).status).toBe(200);
      await inject('POST /v1/customers/{id}/merge', { path: 'mergedCustomerId' }, value, () =>
        callAs('credit', 'POST', `${customers}/CUST-1/merge`, { mergedCustomerId: value, reason: 'security test' }));

      // every service: the dead-letter replay filters
      const replay = (service: SliceService, filter: Record<string, unknown>) =>
        callAs('ops', 'POST', `${slice[service].url}/v1/dead-letters/replay`, { ...filter, justification: 'security test' });
      for (const service of SERVICES) {
        for (const field of refused('reason', 'errorClass', 'eventType')) {
          await inject(`${service} POST /v1/dead-letters/replay`, field, value, () => replay(service, { [field.path]: value }));
        }
        await inject(`${service} POST /v1/dead-letters/replay`, { path: 'ids' }, value, () => replay(service, { ids: [value] }));
      }
    }

    expect(outcomes).toEqual(expectations);
    expect(await tables()).toEqual(tablesBefore);
    expect(await query(databases.order.url, 'SELECT id, key_hash, revoked_at FROM api_keys ORDER BY id')).toEqual(keysBefore);
  }, 300_000);

  it('bearer tokens: 401 for a garbled, tampered or unsigned one and for another scheme; 403 for a valid one without the role', async () => {
    const token = await devAccessToken('warehouse');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, roles: ['warehouse', 'finance', 'credit', 'ops', 'auditor'] })).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${promoted}.`;
    const invoices = `${slice.invoicing.url}/v1/invoices?orderId=${randomUUID()}`;
    const as = async (authorization: string) => (await call('GET', invoices, undefined, { authorization })).status;
    expect({
      garbled: await as('Bearer not-a-token'),
      tampered: await as(`Bearer ${header}.${promoted}.${signature}`),
      unsigned: await as(`Bearer ${unsigned}`),
      basic: await as(`Basic ${Buffer.from('finance:dev-finance-secret').toString('base64')}`),
      warehouse: await as(`Bearer ${token}`),
      finance: await as(`Bearer ${await devAccessToken('finance')}`),
    }).toEqual({ garbled: 401, tampered: 401, unsigned: 401, basic: 401, warehouse: 403, finance: 200 });
  });

  it("channels see only their own orders: another channel's get 404 and are left out of its lists", async () => {
    const shops = await place(API_KEY);
    expect(shops.status).toBe(201);
    const order = `${orders()}/${shops.body.id}`;
    const asMarket = (method: string, url: string, body?: unknown) => call(method, url, body, withKey(MARKET_KEY, { 'idempotency-key': randomUUID() }));
    expect({
      read: (await asMarket('GET', order)).status,
      amend: (await asMarket('PATCH', order, { lines: [{ lineNo: 1, quantity: 2 }] })).status,
      cancel: (await asMarket('POST', `${order}/cancel`, { reason: 'not mine' })).status,
      ownerReads: (await call('GET', order, undefined, withKey(API_KEY))).status,
      staffReads: (await callAs('auditor', 'GET', order)).status,
    }).toEqual({ read: 404, amend: 404, cancel: 404, ownerReads: 200, staffReads: 200 });
    const listed = async (key: string) => ((await call('GET', `${orders()}?customerId=CUST-1&limit=500`, undefined, withKey(key))).body.items as { id: string }[]).map((item) => item.id);
    expect(await listed(API_KEY)).toContain(shops.body.id);
    expect(await listed(MARKET_KEY)).not.toContain(shops.body.id);
    expect((await callAs('shop', 'GET', order)).status).toBe(403);
  });

  it('sends security headers and no X-Powered-By, on answers and refusals of every service', async () => {
    const seen: Record<string, unknown>[] = [];
    for (const service of SERVICES) {
      for (const [what, headers] of [['refused', {}], ['answered', await devAuthorization('ops')]] as const) {
        const response = await fetch(`${slice[service].url}/v1/dead-letters`, { headers });
        seen.push({
          service,
          what,
          status: response.status,
          poweredBy: response.headers.get('x-powered-by'),
          nosniff: response.headers.get('x-content-type-options'),
          frames: response.headers.get('x-frame-options'),
          hsts: response.headers.get('strict-transport-security') !== null,
          csp: response.headers.get('content-security-policy') !== null,
        });
      }
    }
    expect(seen).toEqual(
      SERVICES.flatMap((service) =>
        (['refused', 'answered'] as const).map((what) => ({
          service,
          what,
          status: what === 'refused' ? 401 : 200,
          poweredBy: null,
          nosniff: 'nosniff',
          frames: 'SAMEORIGIN',
          hsts: true,
          csp: true,
        })),
      ),
    );
  });

  it('revokes a key that worked, by its hash in ORDER_REVOKED_API_KEYS at the next start', async () => {
    expect((await call('GET', orders(), undefined, withKey(READ_ONLY_KEY))).status).toBe(200);
    earlierLogs.push(slice.order.output());
    await slice.restart('order', {
      LOG_LEVEL: 'debug',
      [databases.order.variable]: databases.order.url,
      ORDER_BOOTSTRAP_API_KEY: bootstrapKeys,
      ORDER_REVOKED_API_KEYS: [REVOKED_KEY, READ_ONLY_KEY].map(sha256).join(','),
    });
    expect((await call('GET', orders(), undefined, withKey(READ_ONLY_KEY))).status).toBe(401);
    expect((await call('GET', orders(), undefined, withKey(API_KEY))).status).toBe(200);
  }, 120_000);

  it('limits each principal per minute (RATE_LIMIT_PER_MINUTE): 429 with Retry-After, others unaffected', async () => {
    earlierLogs.push(slice.inventory.output());
    const inventory = await slice.restart('inventory', { LOG_LEVEL: 'debug', [databases.inventory.variable]: databases.inventory.url, RATE_LIMIT_PER_MINUTE: '5' });
    const stock = `${inventory.url}/v1/stock?limit=1`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await callAs('warehouse', 'GET', stock)).status);
    const limited = await fetch(stock, { headers: await devAuthorization('warehouse') });
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person has a budget of their own; probes are never limited.
    expect((await callAs('auditor', 'GET', stock)).status).toBe(200);
    expect((await call('GET', `${inventory.url}/health/ready`)).status).toBe(200);
  }, 120_000);

  it('writes no key, token, webhook secret or database password to any log: debug level, failed logins, bad settings', async () => {
    const badKey = 'tf_test_badsetting_0123456789';
    const shortSecret = 'only-twenty-chars-ab';
    const base = {
      KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
      SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL!,
      OIDC_ISSUER_URL: process.env.OIDC_ISSUER_URL!,
      LOG_LEVEL: 'debug',
    };
    // Each refuses to start, naming the bad variable: its value and the good secrets beside it stay out.
    const badSettings = await Promise.all([
      exitOutput('order', { ...base, [databases.order.variable]: databases.order.url, ORDER_BOOTSTRAP_API_KEY: `shop:${badKey}:orders:everything;${bootstrapKeys}` }),
      exitOutput('crm-sync', { ...base, [databases['crm-sync'].variable]: databases['crm-sync'].url, CRM_WEBHOOK_SECRET: shortSecret }),
      exitOutput('shipping', { ...base, [databases.shipping.variable]: databases.shipping.url, CARRIER_WEBHOOK_SECRET: shortSecret }),
      exitOutput('invoicing', { ...base, [databases.invoicing.variable]: databases.invoicing.url, PAYMENT_PROVIDER_WEBHOOK_SECRET: shortSecret }),
      exitOutput('inventory', { ...base, [databases.inventory.variable]: databases.inventory.url.replace('postgres://', 'mysql://') }),
    ]);
    for (const output of badSettings) expect(output).toContain('Invalid configuration');

    const tokens = await Promise.all((['warehouse', 'finance', 'credit', 'ops', 'auditor', 'shop'] as DevClient[]).map((client) => devAccessToken(client)));
    const secrets = [
      ...[API_KEY, APPROVER_KEY, READ_ONLY_KEY, REVOKED_KEY, MARKET_KEY, WRONG_KEY, badKey],
      ...[CRM_WEBHOOK_SECRET, CARRIER_WEBHOOK_SECRET, PAYMENT_PROVIDER_WEBHOOK_SECRET, shortSecret],
      ...SERVICES.map((service) => databases[service].password),
      // A token's signature is what makes it a credential; the rest is readable by anyone who holds it.
      ...tokens.map((token) => token.split('.')[2]),
    ];
    const logs = [...earlierLogs, ...SERVICES.map((service) => slice[service].output()), ...badSettings];
    const leaks = logs.flatMap((log, index) => secrets.filter((secret) => log.includes(secret)).map((secret) => `log ${index} shows ${secret}`));
    expect(leaks).toEqual([]);
    // The logs are really there, at debug level, with the refused requests in them.
    expect(earlierLogs[0]).toMatch(/"statusCode":401/);
    expect(earlierLogs[0]).toMatch(/"level":20/);
  }, 120_000);
});
