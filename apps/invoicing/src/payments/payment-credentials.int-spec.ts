import { randomUUID } from 'node:crypto';
import { InvoicingUnderTest } from '../testing/invoicing-under-test';

/** The provider is being moved to a new secret: it may still sign with this one. */
const PREVIOUS_SECRET = 'payment-provider-previous-secret-0000';

describe('who may book a payment (real Kafka, registry, Postgres, OpenID provider)', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await new InvoicingUnderTest().start({ PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET: PREVIOUS_SECRET });
  });
  afterAll(() => invoicing?.stop());

  const payment = (invoiceId: string, amountMinor = 4905) => ({ paymentRef: `PSP-${randomUUID()}`, invoiceId, amountMinor, currency: 'EUR' });
  const invoiceView = async (invoiceId: string) => (await invoicing.call('GET', `/v1/invoices/${invoiceId}`)).body;

  describe('the payment provider webhook', () => {
    it('pays an invoice when signed with the current secret', async () => {
      const invoice = await invoicing.issueInvoice();
      const paid = await invoicing.providerWebhook(payment(invoice.id));
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({ invoiceId: invoice.id, amountMinor: 4905, invoiceStatus: 'PAID', outstandingMinor: 0 });
      expect(await invoiceView(invoice.id)).toMatchObject({ status: 'PAID', paidMinor: 4905 });
    });

    it('pays an invoice signed with the previous secret during a rotation', async () => {
      const invoice = await invoicing.issueInvoice();
      const paid = await invoicing.providerWebhook(payment(invoice.id), { secret: PREVIOUS_SECRET });
      expect(paid.status).toBe(201);
      expect(await invoiceView(invoice.id)).toMatchObject({ status: 'PAID', paidMinor: 4905 });
    });

    it('refuses a wrong signature or an old timestamp with 401, storing nothing and leaving the paymentRef unused', async () => {
      const invoice = await invoicing.issueInvoice();
      const sent = payment(invoice.id);

      const forged = await invoicing.providerWebhook(sent, { secret: 'not-the-secret-of-the-payment-provider' });
      expect(forged.status).toBe(401);
      expect(forged.body.message).toContain('signature does not match');

      const late = await invoicing.providerWebhook(sent, { timestamp: Math.floor(Date.now() / 1000) - 301 });
      expect(late.status).toBe(401);
      expect(late.body.message).toContain('more than 300 s old');

      expect(await invoiceView(invoice.id)).toMatchObject({ status: 'OPEN', paidMinor: 0, payments: [] });
      expect((await invoicing.providerWebhook(sent)).status).toBe(201);
    });

    it('refuses a replayed request with 401 and books the payment once', async () => {
      const invoice = await invoicing.issueInvoice();
      const timestamp = Math.floor(Date.now() / 1000);
      const sent = payment(invoice.id, 1000);
      expect((await invoicing.providerWebhook(sent, { timestamp })).status).toBe(201);

      const replay = await invoicing.providerWebhook(sent, { timestamp });
      expect(replay.status).toBe(401);
      expect(replay.body.message).toContain('already used');
      expect(await invoiceView(invoice.id)).toMatchObject({ paidMinor: 1000, payments: [expect.objectContaining({ paymentRef: sent.paymentRef })] });
    });

    it('takes no bearer token instead of a signature', async () => {
      const invoice = await invoicing.issueInvoice();
      const unsigned = await invoicing.call('POST', '/v1/payments/webhooks/provider', payment(invoice.id), 'finance');
      expect(unsigned.status).toBe(401);
      expect(await invoiceView(invoice.id)).toMatchObject({ paidMinor: 0 });
    });
  });

  describe('a manual payment', () => {
    it('by finance is booked and audited: the auditor sees who, with which roles, on which invoice and payment', async () => {
      const invoice = await invoicing.issueInvoice();
      const sent = payment(invoice.id);
      expect((await invoicing.call('POST', '/v1/payments', sent, 'finance')).status).toBe(201);

      const audit = await invoicing.call('GET', '/v1/audit?action=record-payment', undefined, 'auditor');
      expect(audit.status).toBe(200);
      const records = audit.body.records.filter((record: { targets: Record<string, string> }) => record.targets.paymentRef === sent.paymentRef);
      expect(records).toEqual([
        expect.objectContaining({
          action: 'record-payment',
          actorSubject: 'finance',
          actorClient: 'finance',
          actorRoles: ['finance'],
          actorVia: 'bearer',
          route: 'POST /v1/payments',
          targets: { paymentRef: sent.paymentRef, invoiceId: invoice.id },
          reason: null,
        }),
      ]);
    });

    it('is refused to the warehouse (403) and without a token (401), booking nothing', async () => {
      const invoice = await invoicing.issueInvoice();
      const forbidden = await invoicing.call('POST', '/v1/payments', payment(invoice.id), 'warehouse');
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.message).toBe('needs one of the roles finance');
      expect((await invoicing.call('POST', '/v1/payments', payment(invoice.id), null)).status).toBe(401);
      expect(await invoiceView(invoice.id)).toMatchObject({ paidMinor: 0, payments: [] });
    });
  });

  it('shows invoices and credit notes to finance, credit, ops and the auditor, not to the warehouse', async () => {
    const invoice = await invoicing.issueInvoice();
    for (const reader of ['finance', 'credit', 'ops', 'auditor'] as const) {
      expect((await invoicing.call('GET', `/v1/invoices/${invoice.id}`, undefined, reader)).status).toBe(200);
      expect((await invoicing.call('GET', `/v1/credit-notes?orderId=${invoice.orderId}`, undefined, reader)).status).toBe(200);
    }
    expect((await invoicing.call('GET', `/v1/invoices/${invoice.id}`, undefined, 'warehouse')).status).toBe(403);
    expect((await invoicing.call('GET', '/v1/credit-notes', undefined, 'warehouse')).status).toBe(403);
    expect((await invoicing.call('GET', '/v1/invoices', undefined, null)).status).toBe(401);
  });
});
