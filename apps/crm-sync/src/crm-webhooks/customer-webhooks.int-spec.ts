import type {
  AccountHoldPlaced,
  AccountHoldReleased,
  CustomerDuplicateDetected,
  CustomerMerged,
  CustomerUpserted,
} from '@tradeflow/events';
import { TOPICS } from '@tradeflow/events';
import type { DevClient } from '@tradeflow/testing';
import type { SignOptions } from '../testing/crm-sync-under-test';
import { CrmSyncUnderTest, signedRequest, WEBHOOK_SECRET } from '../testing/crm-sync-under-test';

const CUSTOMERS = TOPICS.customers.name;

function customer(customerId: string, overrides: Record<string, unknown> = {}) {
  return {
    customerId,
    name: `Customer ${customerId}`,
    email: `${customerId.toLowerCase()}@example.com`,
    taxId: `DE ${customerId}`,
    status: 'ACTIVE',
    creditLimitMinor: 500000,
    currency: 'EUR',
    paymentTermsDays: 30,
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...overrides,
  };
}

describe('crm-sync customer webhooks (real Kafka, registry, Postgres)', () => {
  let crm: CrmSyncUnderTest;

  beforeAll(async () => {
    crm = await new CrmSyncUnderTest().start();
  });
  afterAll(() => crm?.stop());

  const webhook = (body: string, options: SignOptions = {}) => crm.postWebhook(signedRequest(body, options));
  const getCustomer = (customerId: string) => crm.call('GET', `/v1/customers/${customerId}`, undefined, 'credit');
  const command = (path: string, body: object, as: DevClient = 'credit') => crm.call('POST', `/v1/customers/${path}`, body, as);

  it('stores a signed customer and publishes CustomerUpserted', async () => {
    const response = await webhook(JSON.stringify(customer('SIGNED-1')));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      customerId: 'SIGNED-1',
      status: 'applied',
      reason: null,
      events: ['CustomerUpserted'],
      mergedInto: null,
    });

    const stored = await getCustomer('SIGNED-1');
    expect(stored.body).toMatchObject({ customerId: 'SIGNED-1', status: 'ACTIVE', creditLimitMinor: 500000, currency: 'EUR' });
    const [upserted] = (await crm.published(CUSTOMERS, 'SIGNED-1', (types) => types.length >= 1)) as CustomerUpserted[];
    expect(upserted).toMatchObject({
      eventType: 'CustomerUpserted',
      producer: 'crm-sync',
      customerId: 'SIGNED-1',
      email: 'signed-1@example.com',
      status: 'ACTIVE',
      creditLimitMinor: 500000,
      updatedAt: Date.parse('2026-01-10T10:00:00.000Z'),
    });
  });

  it('refuses a bad signature, an old or future timestamp and a replay with 401, storing nothing', async () => {
    const body = JSON.stringify(customer('REFUSED-1'));
    const now = Math.floor(Date.now() / 1000);
    const refusals = [
      await webhook(body, { secret: 'not-the-shared-secret-not-the-shared-secret' }),
      await webhook(body, { signature: 'sha256=' + '0'.repeat(64) }),
      await webhook(body, { timestamp: now - 301 }),
      await webhook(body, { timestamp: now + 301 }),
      await crm.postWebhook({ headers: { 'content-type': 'application/json' }, body }),
    ];
    for (const refusal of refusals) expect(refusal.status).toBe(401);
    expect(refusals[2].body.message).toBe('Webhook refused: x-tradeflow-timestamp is more than 300 s old');
    expect((await getCustomer('REFUSED-1')).status).toBe(404);

    const signed = signedRequest(JSON.stringify(customer('REPLAYED-1')));
    expect((await crm.postWebhook(signed)).status).toBe(200);
    const replay = await crm.postWebhook(signed);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toContain('already used (replay)');
  });

  it('refuses a malformed body with 400 naming the field, storing nothing', async () => {
    const response = await webhook(JSON.stringify(customer('MALFORMED-1', { currency: 'euro', status: 'GONE' })));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('currency must be an ISO 4217 code');
    expect((await getCustomer('MALFORMED-1')).status).toBe(404);
  });

  it('ignores an update older than the stored one', async () => {
    await webhook(JSON.stringify(customer('ORDERED-1', { name: 'Newer', updatedAt: '2026-02-01T00:00:00.000Z' })));
    const stale = await webhook(JSON.stringify(customer('ORDERED-1', { name: 'Older', updatedAt: '2026-01-01T00:00:00.000Z' })));
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ status: 'ignored', reason: 'stale', events: [] });
    expect((await getCustomer('ORDERED-1')).body.name).toBe('Newer');
  });

  it('detects a duplicate once per pair, merges it, and resolves the merged id to the survivor', async () => {
    await webhook(JSON.stringify(customer('DUP-A', { email: 'shared@example.com', taxId: null })));
    const second = await webhook(JSON.stringify(customer('DUP-B', { email: '  Shared@Example.COM ', taxId: null })));
    expect(second.body.events).toEqual(['CustomerUpserted', 'CustomerDuplicateDetected']);
    const again = await webhook(
      JSON.stringify(customer('DUP-B', { email: 'shared@example.com', taxId: null, updatedAt: '2026-01-11T00:00:00.000Z' })),
    );
    expect(again.body.events).toEqual(['CustomerUpserted']);

    const duplicates = await crm.call('GET', `/v1/customers/duplicates`, undefined, 'auditor');
    expect(duplicates.body).toContainEqual(
      expect.objectContaining({ customerId: 'DUP-B', duplicateOfCustomerId: 'DUP-A', matchedOn: 'email', status: 'OPEN' }),
    );

    const merged = await command('DUP-A/merge', { mergedCustomerId: 'DUP-B', reason: 'Same company, two CRM records' });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ customerId: 'DUP-A', mergedCustomerIds: ['DUP-B'], resolvedFrom: null });

    const resolved = await getCustomer('DUP-B');
    expect(resolved.body).toMatchObject({
      customerId: 'DUP-A',
      resolvedFrom: { customerId: 'DUP-B', message: 'DUP-B was merged into DUP-A' },
    });
    expect((await command('DUP-B/merge', { mergedCustomerId: 'DUP-A', reason: 'the other way round' })).status).toBe(409);
    const afterMerge = await webhook(
      JSON.stringify(customer('DUP-B', { email: 'shared@example.com', taxId: null, updatedAt: '2026-01-13T00:00:00.000Z' })),
    );
    expect(afterMerge.body).toMatchObject({ status: 'applied', events: [], mergedInto: 'DUP-A' });
    expect((await crm.call('GET', `/v1/customers/duplicates`, undefined, 'finance')).body).toContainEqual(
      expect.objectContaining({ customerId: 'DUP-B', status: 'MERGED' }),
    );

    const [detected] = (await crm.published(CUSTOMERS, 'DUP-B', (types) => types.length >= 2)).filter(
      (event) => event.eventType === 'CustomerDuplicateDetected',
    ) as CustomerDuplicateDetected[];
    expect(detected).toMatchObject({ customerId: 'DUP-B', duplicateOfCustomerId: 'DUP-A', matchedOn: 'email' });
    const mergeEvents = (await crm.published(CUSTOMERS, 'DUP-A', (types) => types.length >= 2)).filter((event) => event.eventType === 'CustomerMerged');
    expect(mergeEvents as CustomerMerged[]).toEqual([expect.objectContaining({ customerId: 'DUP-A', mergedCustomerId: 'DUP-B' })]);
  });

  it('places and releases holds from the CRM status and the API', async () => {
    const held = await webhook(JSON.stringify(customer('HOLD-1', { status: 'ON_HOLD' })));
    expect(held.body.events).toEqual(['CustomerUpserted', 'AccountHoldPlaced']);
    expect((await getCustomer('HOLD-1')).body).toMatchObject({ status: 'ON_HOLD', hold: { source: 'crm' } });
    expect((await command('HOLD-1/hold', { reason: 'again' })).status).toBe(409);

    const active = await webhook(JSON.stringify(customer('HOLD-1', { updatedAt: '2026-01-12T00:00:00.000Z' })));
    expect(active.body.events).toEqual(['CustomerUpserted', 'AccountHoldReleased']);

    const placed = await command('HOLD-1/hold', { reason: 'Dunning level 2' });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ status: 'ON_HOLD', hold: { reason: 'Dunning level 2', source: 'api' } });
    const released = await command('HOLD-1/release', { reason: 'Paid up' });
    expect(released.body).toMatchObject({ status: 'ACTIVE', hold: null });
    expect((await command('HOLD-1/release', { reason: 'twice' })).status).toBe(409);
    expect((await command('NOBODY/hold', { reason: 'x' })).status).toBe(404);

    const events = await crm.published(CUSTOMERS, 'HOLD-1', (types) => types.length >= 6);
    const holds = events.filter((event) => event.eventType.startsWith('AccountHold')) as (AccountHoldPlaced | AccountHoldReleased)[];
    expect(holds.map((event) => [event.eventType, event.source])).toEqual([
      ['AccountHoldPlaced', 'crm'],
      ['AccountHoldReleased', 'crm'],
      ['AccountHoldPlaced', 'api'],
      ['AccountHoldReleased', 'api'],
    ]);
    expect(events.map((event) => event.aggregateVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((events[0] as CustomerUpserted).status).toBe('ON_HOLD');
  });

  it('releases a hold only for credit control and with a reason, and keeps who did it and why in the audit trail', async () => {
    await webhook(JSON.stringify(customer('AUDIT-1', { status: 'ON_HOLD' })));
    expect((await crm.call('POST', `/v1/customers/AUDIT-1/release`, { reason: 'Paid up' })).status).toBe(401);
    expect((await command('AUDIT-1/release', { reason: 'Paid up' }, 'warehouse')).status).toBe(403);
    const withoutReason = await command('AUDIT-1/release', {});
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.message).toContain('reason is required');
    expect((await getCustomer('AUDIT-1')).body.status).toBe('ON_HOLD');

    const released = await command('AUDIT-1/release', { reason: 'Guarantee received from the parent company' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'ACTIVE', hold: null });

    const audit = await crm.call('GET', `/v1/audit?targetId=AUDIT-1`, undefined, 'auditor');
    expect(audit.status).toBe(200);
    expect(audit.body.records).toEqual([
      expect.objectContaining({
        action: 'release-hold',
        targetId: 'AUDIT-1',
        actorClient: 'credit',
        actorRoles: ['credit'],
        reason: 'Guarantee received from the parent company',
        route: 'POST /v1/customers/:id/release',
      }),
    ]);
  });

  it('lets only account readers see customers (not the warehouse, not without a token)', async () => {
    await webhook(JSON.stringify(customer('PRIVATE-1')));
    const read = (as?: DevClient) => crm.call('GET', `/v1/customers/PRIVATE-1`, undefined, as);
    expect((await read()).status).toBe(401);
    expect((await read('warehouse')).status).toBe(403);
    for (const reader of ['credit', 'finance', 'ops', 'auditor'] as const) expect((await read(reader)).status).toBe(200);
  });

  it('documents every endpoint in OpenAPI', async () => {
    const document = await crm.call('GET', `/docs-json`);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/crm/activities',
        '/v1/crm/activities/{id}/retry',
        '/v1/crm/webhooks/customers',
        '/v1/customers/duplicates',
        '/v1/customers/{id}',
        '/v1/customers/{id}/hold',
        '/v1/customers/{id}/merge',
        '/v1/customers/{id}/release',
      ]),
    );
  });
});

describe('crm-sync during a rotation of the CRM webhook secret (real Kafka, registry, Postgres)', () => {
  const PREVIOUS_SECRET = 'the-secret-being-rotated-out-0123456789';
  let rotating: CrmSyncUnderTest;
  let rotated: CrmSyncUnderTest;

  beforeAll(async () => {
    rotating = await new CrmSyncUnderTest().start({ CRM_WEBHOOK_PREVIOUS_SECRET: PREVIOUS_SECRET });
    rotated = await new CrmSyncUnderTest().start();
  });
  afterAll(async () => {
    await rotating?.stop();
    await rotated?.stop();
  });

  it('accepts the previous secret while it is configured, and refuses it once it is removed', async () => {
    const signedWith = (secret: string, customerId: string) => signedRequest(JSON.stringify(customer(customerId)), { secret });
    expect((await rotating.postWebhook(signedWith(PREVIOUS_SECRET, 'ROTATE-OLD'))).status).toBe(200);
    expect((await rotating.postWebhook(signedWith(WEBHOOK_SECRET, 'ROTATE-NEW'))).status).toBe(200);

    const afterRotation = await rotated.postWebhook(signedWith(PREVIOUS_SECRET, 'ROTATE-OLD'));
    expect(afterRotation.status).toBe(401);
    expect(afterRotation.body.message).toBe('Webhook refused: signature does not match');
    expect((await rotated.postWebhook(signedWith(WEBHOOK_SECRET, 'ROTATE-NEW'))).status).toBe(200);
  });
});
