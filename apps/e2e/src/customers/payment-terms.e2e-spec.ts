import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { expectInvariants } from '../fulfilment/invariants';
import { TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Slice } from '../slice';
import { startSlice } from '../slice';

/** The calendar day `days` after the day (UTC) the invoice was issued. */
const daysAfter = (issuedAt: string, days: number) => new Date(Date.parse(issuedAt.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);

/** docs/design.md#invoicing-and-payments across the real services: the CRM's payment terms, and credit notes on their invoices. */
describe("customers: the CRM's payment terms and what is outstanding on an invoice", () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const mug = `TERMS-MUG-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    slice = await startSlice();
    tradeflow = new TradeflowClient(slice);
    await tradeflow.loadProducts(mug);
    await tradeflow.receiveStock('BER', [{ sku: mug, quantity: 100 }]);
  });
  afterAll(() => slice?.stop());

  it("invoices on the customer's 14 days; a return lowers what is outstanding and paying the rest completes the order", async () => {
    const customerId = `C-${randomUUID().slice(0, 8)}`;
    await tradeflow.registerCustomer(customerId, { paymentTermsDays: 14 });
    // 2 × 10.00 without tax: an invoice of 20.00.
    const orderId = await tradeflow.placeOrder([{ sku: mug, quantity: 2, unitPriceMinor: 1000, taxRateBp: 0 }], { customerId });
    await tradeflow.shipEverything(orderId, 1);
    const [invoice] = await tradeflow.waitForInvoices(orderId, 1);
    expect(invoice).toMatchObject({ customerId, totalMinor: 2000, outstandingMinor: 2000, dueDate: daysAfter(invoice.issuedAt, 14) });
    await tradeflow.waitForOrder(orderId, 'DELIVERED');

    const requested = await tradeflow.requestReturn(orderId, [{ lineNo: 1, quantity: 1 }]);
    expect(requested.status).toBe(201);
    await eventually(
      () => tradeflow.receiveReturn(requested.body.returnId),
      (response) => response.status === 200,
    );
    const [credited] = await eventually(
      () => tradeflow.invoices(orderId),
      ([current]) => current.creditedMinor === 1000,
    );
    expect(credited).toMatchObject({ status: 'OPEN', paidMinor: 0, outstandingMinor: 1000, creditBalanceMinor: 0 });

    expect((await tradeflow.pay(invoice.id, 1000)).body).toMatchObject({ invoiceStatus: 'PAID', outstandingMinor: 0 });
    await tradeflow.waitForOrder(orderId, 'COMPLETED');
    await expectInvariants(tradeflow, orderId);
  });
});
