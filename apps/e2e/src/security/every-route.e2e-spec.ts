import type { AccessPolicy, Partner, Role } from '@tradeflow/platform';
import { ROLES, signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { devAuthorization } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Slice, SliceService } from '../slice';
import { API_KEY, APPROVER_KEY, call, CARRIER_WEBHOOK_SECRET, CRM_WEBHOOK_SECRET, PAYMENT_PROVIDER_WEBHOOK_SECRET, startSlice } from '../slice';

const SERVICES: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** The development client that holds exactly one role (dev-identities.ts). */
const CLIENT_OF: Record<Role, DevClient> = { warehouse: 'warehouse', finance: 'finance', credit: 'credit', ops: 'ops', auditor: 'auditor', channel: 'shop', catalogue: 'erp' };
/** The slice's channel keys, by a scope each carries. */
const KEY_WITH: Record<string, string> = { 'orders:write': API_KEY, 'orders:read': API_KEY, 'orders:approve': APPROVER_KEY };
const SECRET_OF: Record<Partner, string> = { crm: CRM_WEBHOOK_SECRET, carrier: CARRIER_WEBHOOK_SECRET, 'payment-provider': PAYMENT_PROVIDER_WEBHOOK_SECRET };

interface Operation {
  service: SliceService;
  method: string;
  path: string;
  policy?: AccessPolicy;
}

/** "order POST /v1/orders/{id}/cancel" */
const nameOf = (operation: Operation) => `${operation.service} ${operation.method.toUpperCase()} ${operation.path}`;

/** The policy in one line (roles sorted), for the table below. */
function describePolicy(policy: AccessPolicy | undefined): string {
  if (!policy) return 'NO POLICY';
  if (policy.kind === 'open') return 'open';
  if (policy.kind === 'signed') return `signed by ${policy.partner}`;
  const who = [...[...policy.roles].sort(), ...(policy.channelScope ? [`key ${policy.channelScope}`] : [])].join(', ');
  const audited = policy.action ? `; audited as ${policy.action}${policy.reasonRequired ? `, needs ${policy.reasonField ?? 'reason'}` : ''}` : '';
  return `${who}${audited}`;
}

/**
 * Issue 19: every operation of every service's OpenAPI document names its access policy
 * (`x-tradeflow-access`), and the service enforces it: no credential → 401, a valid token
 * without the role → 403, each allowed role (or channel key) → neither. Signed webhooks refuse an
 * unsigned or wrongly signed call. Path parameters are placeholders and bodies empty, so allowed
 * calls end in 400/404: the access guard has let them through, and nothing changes.
 */
describe('every route of every service: policy declared and enforced', () => {
  let slice: Slice;
  const operations: Operation[] = [];

  beforeAll(async () => {
    slice = await startSlice();
    for (const service of SERVICES) {
      const document = (await call('GET', `${slice[service].url}/docs-json`)).body;
      for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
        for (const method of METHODS.filter((candidate) => item[candidate])) {
          operations.push({ service, method, path, policy: item[method]['x-tradeflow-access'] as AccessPolicy | undefined });
        }
      }
    }
  }, 180_000);
  afterAll(() => slice?.stop());

  /** The operation called with `headers` (and `{}` as a write's body); its status. */
  async function statusOf(operation: Operation, headers: Record<string, string>, raw = '{}'): Promise<number> {
    const url = `${slice[operation.service].url}${operation.path.replace(/\{[^}]+\}/g, () => randomUUID())}`;
    const write = operation.method !== 'get' && operation.method !== 'delete';
    const response = await fetch(url, {
      method: operation.method.toUpperCase(),
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
      body: write ? raw : undefined,
    });
    return response.status;
  }

  it('documents a policy on every operation, exactly the decided table', () => {
    const table = operations.map((operation) => `${nameOf(operation)}: ${describePolicy(operation.policy)}`).sort();
    const staff = 'auditor, credit, finance, ops, warehouse';
    /** Customer records and accounts (PII, credit) and financial documents. */
    const backOffice = 'auditor, credit, finance, ops';
    const everyService = (service: SliceService) => [
      `${service} GET /v1/audit: auditor, ops`,
      `${service} GET /v1/dead-letters: auditor, ops`,
      `${service} GET /v1/messaging/events: ${staff}`,
      `${service} GET /v1/messaging/status: auditor, ops`,
      `${service} POST /v1/dead-letters/dismiss: ops; audited as dismiss-dead-letters, needs reason`,
      `${service} POST /v1/dead-letters/replay: ops; audited as replay-dead-letters, needs justification`,
    ];
    expect(table).toEqual(
      [
        ...SERVICES.flatMap(everyService),
        `order GET /v1/customer-accounts/{customerId}: ${backOffice}`,
        `order GET /v1/orders: ${staff}, key orders:read`,
        `order GET /v1/orders/{id}: ${staff}, key orders:read`,
        `order GET /v1/orders/stuck: ${staff}`,
        `order GET /v1/products/{sku}: ${staff}, key orders:read`,
        `order PATCH /v1/orders/{id}: key orders:write`,
        `order POST /v1/orders: key orders:write`,
        `order POST /v1/orders/{id}/approve: credit, key orders:approve; audited as approve-order, needs reason`,
        `order POST /v1/orders/{id}/cancel: ops, key orders:write; audited as cancel-order, needs reason`,
        `order POST /v1/orders/{id}/returns: ops, key orders:write; audited as request-return`,
        `inventory GET /v1/reservations: ${staff}`,
        `inventory GET /v1/reservations/orders: ${staff}`,
        `inventory GET /v1/stock: auditor, channel, credit, finance, ops, warehouse`,
        `inventory GET /v1/stock/{sku}: auditor, channel, credit, finance, ops, warehouse`,
        `inventory POST /v1/reservations/{orderId}/release: ops; audited as release-reservation, needs reason`,
        `inventory POST /v1/stock/receipts: warehouse; audited as receive-stock`,
        `inventory GET /v1/availability: auditor, channel, credit, finance, ops, warehouse`,
        `inventory GET /v1/availability/{sku}: auditor, channel, credit, finance, ops, warehouse`,
        `inventory PUT /v1/availability/{sku}/safety-stock: catalogue, warehouse; audited as set-safety-stock`,
        `inventory GET /v1/products: auditor, catalogue, ops, warehouse`,
        `inventory GET /v1/products/{sku}: auditor, catalogue, ops, warehouse`,
        `inventory POST /v1/products/import: catalogue; audited as import-products`,
        `inventory PUT /v1/products: catalogue; audited as load-products`,
        `inventory PUT /v1/products/{sku}: catalogue; audited as put-product`,
        `inventory DELETE /v1/webhook-subscriptions/{id}: ops; audited as delete-webhook-subscription`,
        `inventory GET /v1/webhook-subscriptions: auditor, ops`,
        `inventory GET /v1/webhook-subscriptions/{id}/deliveries: auditor, ops`,
        `inventory POST /v1/webhook-subscriptions: ops; audited as create-webhook-subscription`,
        `shipping GET /v1/returns: ${staff}`,
        `shipping GET /v1/returns/{id}: ${staff}`,
        `shipping GET /v1/shipments: ${staff}`,
        `shipping GET /v1/shipments/{id}: ${staff}`,
        `shipping POST /v1/carrier/events: signed by carrier`,
        `shipping POST /v1/returns/{id}/receive: warehouse; audited as receive-return`,
        `shipping POST /v1/shipments/{id}/dispatch: warehouse; audited as dispatch-shipment`,
        `shipping POST /v1/shipments/{id}/retry-label: ops, warehouse; audited as retry-label`,
        `invoicing GET /v1/credit-notes: ${backOffice}`,
        `invoicing GET /v1/credit-notes/{id}: ${backOffice}`,
        `invoicing GET /v1/invoices: ${backOffice}`,
        `invoicing GET /v1/invoices/{id}: ${backOffice}`,
        `invoicing POST /v1/payments: finance; audited as record-payment`,
        `invoicing POST /v1/payments/webhooks/provider: signed by payment-provider`,
        `invoicing GET /v1/reports/revenue: ${backOffice}`,
        `crm-sync GET /v1/crm/activities: ${backOffice}`,
        `crm-sync GET /v1/customers/duplicates: ${backOffice}`,
        `crm-sync GET /v1/customers/{id}: ${backOffice}`,
        `crm-sync POST /v1/crm/activities/{id}/retry: ops; audited as retry-activity`,
        `crm-sync POST /v1/crm/webhooks/customers: signed by crm`,
        `crm-sync POST /v1/customers/{id}/hold: credit; audited as place-hold`,
        `crm-sync POST /v1/customers/{id}/merge: credit; audited as merge-customers, needs reason`,
        `crm-sync POST /v1/customers/{id}/release: credit; audited as release-hold, needs reason`,
      ].sort(),
    );
  });

  it('answers 401 without a credential on every operation that is not open', async () => {
    const answers = [];
    for (const operation of operations.filter((candidate) => candidate.policy?.kind !== 'open')) {
      answers.push(`${nameOf(operation)}: ${await statusOf(operation, {})}`);
    }
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.filter((answer) => !answer.endsWith(': 401'))).toEqual([]);
  });

  it('answers 403 to a valid token without any of the roles (a person of another role, a channel, nobody)', async () => {
    const nobody = await devAuthorization('nobody');
    const answers = [];
    for (const operation of operations) {
      if (operation.policy?.kind !== 'principal') continue;
      answers.push(`${nameOf(operation)} as nobody: ${await statusOf(operation, nobody)}`);
      for (const role of ROLES) {
        if (!operation.policy.roles.includes(role)) answers.push(`${nameOf(operation)} as ${role}: ${await statusOf(operation, await devAuthorization(CLIENT_OF[role]))}`);
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(': 403'))).toEqual([]);
  });

  it('lets every allowed role, and a channel key with the scope, past the access guard', async () => {
    const answers = [];
    for (const operation of operations) {
      if (operation.policy?.kind !== 'principal') continue;
      for (const role of operation.policy.roles) {
        answers.push(`${nameOf(operation)} as ${role}: ${await statusOf(operation, await devAuthorization(CLIENT_OF[role]))}`);
      }
      const scope = operation.policy.channelScope;
      if (scope) answers.push(`${nameOf(operation)} with a key for ${scope}: ${await statusOf(operation, { 'x-api-key': KEY_WITH[scope] })}`);
    }
    expect(answers.length).toBeGreaterThan(60);
    // Past the guard, never broken: what remains is the route's own answer to a placeholder (400, 404, 409).
    expect(answers.filter((answer) => /: (401|403|5\d\d)$/.test(answer))).toEqual([]);
  });

  it('refuses signed webhooks without a signature or with another secret, and lets the partner past', async () => {
    const answers = [];
    for (const operation of operations) {
      if (operation.policy?.kind !== 'signed') continue;
      const raw = '{}';
      answers.push(`${nameOf(operation)} unsigned: ${await statusOf(operation, {}, raw)}`);
      answers.push(`${nameOf(operation)} with a bearer token: ${await statusOf(operation, await devAuthorization('admin'), raw)}`);
      answers.push(`${nameOf(operation)} signed with another secret: ${await statusOf(operation, signedWebhookHeaders('another-secret-0123456789abcdef0123', raw), raw)}`);
      const partner = await statusOf(operation, signedWebhookHeaders(SECRET_OF[operation.policy.partner], raw), raw);
      answers.push(`${nameOf(operation)} signed by ${operation.policy.partner}: ${partner === 401 || partner === 403 ? partner : 'let in'}`);
    }
    expect(answers).toEqual(
      operations
        .filter((operation) => operation.policy?.kind === 'signed')
        .flatMap((operation) => [
          `${nameOf(operation)} unsigned: 401`,
          `${nameOf(operation)} with a bearer token: 401`,
          `${nameOf(operation)} signed with another secret: 401`,
          `${nameOf(operation)} signed by ${(operation.policy as { partner: Partner }).partner}: let in`,
        ]),
    );
  });
});
