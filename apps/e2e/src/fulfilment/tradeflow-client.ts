import { signedWebhookHeaders } from '@tradeflow/platform';
import type { DevClient } from '@tradeflow/testing';
import { devAuthorization, eventually, loadProducts, productOf } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Slice } from '../slice';
import { API_KEY, call, CARRIER_WEBHOOK_SECRET, CRM_WEBHOOK_SECRET, PAYMENT_PROVIDER_WEBHOOK_SECRET } from '../slice';

export interface LineInput {
  sku: string;
  quantity: number;
  unitPriceMinor?: number;
  taxRateBp?: number;
}

const address = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };

/** A call with a development client's bearer token: what a person of that role (or a system granted it) sends. */
export async function callAs(client: DevClient, method: string, url: string, body?: unknown) {
  return call(method, url, body, await devAuthorization(client));
}

/** A JSON POST signed as `partner` signs it (HMAC over "<timestamp>.<raw body>"); no token. */
export async function postSigned(url: string, body: unknown, secret: string, timestamp?: number) {
  const raw = JSON.stringify(body);
  const response = await fetch(url, { method: 'POST', headers: signedWebhookHeaders(secret, raw, timestamp), body: raw });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
  const parsed: any = await response.json().catch(() => undefined);
  return { status: response.status, body: parsed };
}

/**
 * The calls a sales channel (its API key), the warehouse, finance and credit control (bearer
 * tokens of their roles), the carrier, payment provider and CRM (signed webhooks) make, over each
 * service's HTTP API. Reads of back-office records go as the auditor, who may read everything.
 */
export class TradeflowClient {
  constructor(private readonly slice: Slice) {}

  private get orders() {
    return `${this.slice.order.url}/v1/orders`;
  }

  private write(method: string, url: string, body?: unknown) {
    return call(method, url, body, { 'x-api-key': API_KEY, 'idempotency-key': randomUUID() });
  }

  /** The CRM pushes a customer to crm-sync's signed webhook; resolves once the order service knows it. */
  async registerCustomer(customerId: string, fields: Record<string, unknown> = {}) {
    const response = await this.crmWebhook({
      customerId,
      name: `Customer ${customerId}`,
      email: null,
      taxId: null,
      status: 'ACTIVE',
      creditLimitMinor: null,
      currency: 'EUR',
      paymentTermsDays: 30,
      updatedAt: new Date().toISOString(),
      ...fields,
    });
    if (response.status !== 200) throw new Error(`customer refused: ${response.status} ${JSON.stringify(response.body)}`);
    await eventually(
      () => this.customerAccount(customerId),
      (account) => account?.known === true,
    );
  }

  async customerAccount(customerId: string) {
    return (await callAs('auditor', 'GET', `${this.slice.order.url}/v1/customer-accounts/${customerId}`)).body;
  }

  /** POST /v1/crm/webhooks/customers signed as the CRM does: HMAC-SHA256 over "<timestamp>.<raw body>". */
  crmWebhook(body: unknown, { secret = CRM_WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
    return postSigned(`${this.slice['crm-sync'].url}/v1/crm/webhooks/customers`, body, secret, timestamp);
  }

  /** The ERP puts the skus in inventory's product master; resolves once the order service knows them (orders for others get 422). */
  loadProducts(...skus: string[]) {
    return loadProducts(skus.map((sku) => productOf(sku)), { inventory: this.slice.inventory.url, order: this.slice.order.url });
  }

  receiveStock(warehouse: string, lines: { sku: string; quantity: number }[]) {
    return callAs('warehouse', 'POST', `${this.slice.inventory.url}/v1/stock/receipts`, { receiptId: randomUUID(), warehouse, lines });
  }

  async stock(sku: string) {
    return (await callAs('auditor', 'GET', `${this.slice.inventory.url}/v1/stock/${sku}`)).body;
  }

  /** POST /v1/orders as the shop; the answer as it comes, refusals included. */
  submitOrder(lines: LineInput[], options: { allowPartialShipment?: boolean; customerId?: string } = {}) {
    return this.write('POST', this.orders, {
      customerId: options.customerId ?? 'CUST-1',
      currency: 'EUR',
      shippingAddress: address,
      allowPartialShipment: options.allowPartialShipment ?? false,
      lines: lines.map((line) => ({ unitPriceMinor: 1000, taxRateBp: 1900, ...line })),
    });
  }

  async placeOrder(lines: LineInput[], options: { allowPartialShipment?: boolean; customerId?: string } = {}): Promise<string> {
    const response = await this.submitOrder(lines, options);
    if (response.status !== 201) throw new Error(`order refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  amend(orderId: string, lines: unknown[]) {
    return this.write('PATCH', `${this.orders}/${orderId}`, { lines });
  }

  cancel(orderId: string, reason = 'customer changed their mind') {
    return this.write('POST', `${this.orders}/${orderId}/cancel`, { reason });
  }

  requestReturn(orderId: string, lines: { lineNo: number; quantity: number }[]) {
    return this.write('POST', `${this.orders}/${orderId}/returns`, { lines });
  }

  async order(orderId: string) {
    return (await call('GET', `${this.orders}/${orderId}`, undefined, { 'x-api-key': API_KEY })).body;
  }

  waitForOrder(orderId: string, status: string) {
    return eventually(
      () => this.order(orderId),
      (order) => order?.status === status,
    );
  }

  async shipments(orderId: string) {
    return (await callAs('auditor', 'GET', `${this.slice.shipping.url}/v1/shipments?orderId=${orderId}`)).body as any[];
  }

  /** Waits until the order's shipments that are not cancelled all have the given status, and returns them. */
  waitForShipments(orderId: string, count: number, status: string) {
    return eventually(
      async () => (await this.shipments(orderId)).filter((shipment) => shipment.status !== 'CANCELLED'),
      (live) => live.length === count && live.every((shipment) => shipment.status === status),
    );
  }

  /** Inventory's reservations and goods issued for the order; null when inventory has not seen it. */
  async reservations(orderId: string) {
    const response = await callAs('auditor', 'GET', `${this.slice.inventory.url}/v1/reservations?orderId=${orderId}`);
    return response.status === 404 ? null : response.body;
  }

  dispatch(shipmentId: string) {
    return callAs('warehouse', 'POST', `${this.slice.shipping.url}/v1/shipments/${shipmentId}/dispatch`);
  }

  retryLabel(shipmentId: string) {
    return callAs('ops', 'POST', `${this.slice.shipping.url}/v1/shipments/${shipmentId}/retry-label`);
  }

  /** The carrier's signed webhook. */
  carrierReports(trackingNumber: string, status: string) {
    return postSigned(`${this.slice.shipping.url}/v1/carrier/events`, { trackingNumber, status }, CARRIER_WEBHOOK_SECRET);
  }

  receiveReturn(returnId: string) {
    return callAs('warehouse', 'POST', `${this.slice.shipping.url}/v1/returns/${returnId}/receive`);
  }

  async invoices(orderId: string) {
    return (await callAs('auditor', 'GET', `${this.slice.invoicing.url}/v1/invoices?orderId=${orderId}`)).body as any[];
  }

  waitForInvoices(orderId: string, count: number) {
    return eventually(
      () => this.invoices(orderId),
      (invoices) => invoices.length === count,
    );
  }

  async creditNotes(orderId: string) {
    return (await callAs('auditor', 'GET', `${this.slice.invoicing.url}/v1/credit-notes?orderId=${orderId}`)).body as any[];
  }

  /** Finance books a payment by hand (a bank transfer). */
  pay(invoiceId: string, amountMinor: number, paymentRef = randomUUID()) {
    return callAs('finance', 'POST', `${this.slice.invoicing.url}/v1/payments`, { paymentRef, invoiceId, amountMinor, currency: 'EUR' });
  }

  /** The payment provider's signed webhook: the same payment, reported by the provider. */
  providerPays(invoiceId: string, amountMinor: number, paymentRef = randomUUID()) {
    return postSigned(`${this.slice.invoicing.url}/v1/payments/webhooks/provider`, { paymentRef, invoiceId, amountMinor, currency: 'EUR' }, PAYMENT_PROVIDER_WEBHOOK_SECRET);
  }

  /** One order through every service: stock received, ordered, reserved, shipped, delivered, invoiced, paid, completed. */
  async orderToCash(sku: string): Promise<string> {
    expect((await this.receiveStock('BER', [{ sku, quantity: 1 }])).status).toBeLessThan(300);
    const orderId = await this.placeOrder([{ sku, quantity: 1 }]);
    await this.shipEverything(orderId, 1);
    const [invoice] = await this.waitForInvoices(orderId, 1);
    expect((await this.pay(invoice.id, invoice.totalMinor)).status).toBe(201);
    await this.waitForOrder(orderId, 'COMPLETED');
    return orderId;
  }

  /** Dispatches every labelled shipment of the order and reports each delivered. */
  async shipEverything(orderId: string, shipmentCount: number) {
    const shipments = await this.waitForShipments(orderId, shipmentCount, 'LABELLED');
    for (const shipment of shipments) expect((await this.dispatch(shipment.id)).status).toBe(200);
    for (const shipment of shipments) expect((await this.carrierReports(shipment.trackingNumber, 'DELIVERED')).status).toBe(200);
    return shipments;
  }
}
