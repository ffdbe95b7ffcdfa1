import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Slice } from '../slice';
import { startSlice } from '../slice';
import { expectInvariants } from './invariants';
import { TradeflowClient } from './tradeflow-client';

/** docs/design.md#flows end to end: order, inventory, shipping and invoicing as processes over real Kafka and Postgres. */
describe('order to cash', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const [mug, tea, pot, kettle, cup, jug, bowl, vase, lamp] = ['MUG', 'TEA', 'POT', 'KETTLE', 'CUP', 'JUG', 'BOWL', 'VASE', 'LAMP'].map(
    (name) => `${name}-${randomUUID().slice(0, 8)}`,
  );

  beforeAll(async () => {
    slice = await startSlice();
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(mug, tea, pot, kettle, cup, jug, bowl, vase, lamp);
  });
  afterAll(() => slice?.stop());

  it('happy path: reserved, labelled, dispatched, invoiced with exact tax, delivered, paid, completed', async () => {
    await tradeflow.receiveStock('BER', [
      { sku: mug, quantity: 10 },
      { sku: tea, quantity: 10 },
    ]);
    const orderId = await tradeflow.placeOrder([
      { sku: mug, quantity: 2, unitPriceMinor: 1299, taxRateBp: 1900 },
      { sku: tea, quantity: 1, unitPriceMinor: 4550, taxRateBp: 700 },
    ]);
    await tradeflow.waitForOrder(orderId, 'RESERVED');
    const [shipment] = await tradeflow.waitForShipments(orderId, 1, 'LABELLED');
    expect(shipment).toMatchObject({ warehouse: 'BER', trackingNumber: expect.any(String) });

    expect((await tradeflow.dispatch(shipment.id)).status).toBe(200);
    await tradeflow.waitForOrder(orderId, 'SHIPPED');
    const [invoice] = await tradeflow.waitForInvoices(orderId, 1);
    // 2 × 12.99 at 19 %: tax 4.9362 → 4.94; 1 × 45.50 at 7 %: tax 3.185 → 3.19 (half up).
    expect(invoice).toMatchObject({ netMinor: 7148, taxMinor: 813, totalMinor: 7961, shipmentId: shipment.id });
    expect(invoice.lines).toEqual([
      expect.objectContaining({ lineNo: 1, quantity: 2, netMinor: 2598, taxMinor: 494 }),
      expect.objectContaining({ lineNo: 2, quantity: 1, netMinor: 4550, taxMinor: 319 }),
    ]);
    expect(await tradeflow.stock(mug)).toMatchObject({ onHand: 8, reserved: 0 });

    expect((await tradeflow.carrierReports(shipment.trackingNumber, 'DELIVERED')).status).toBe(200);
    await tradeflow.waitForOrder(orderId, 'DELIVERED');
    expect((await tradeflow.pay(invoice.id, 7961)).status).toBe(201);
    const completed = await tradeflow.waitForOrder(orderId, 'COMPLETED');
    expect(completed.timeline.map((entry: { event: string }) => entry.event)).toEqual(
      expect.arrayContaining(['ShipmentDispatched', 'InvoiceIssued', 'ShipmentDelivered', 'InvoicePaid', 'OrderCompleted']),
    );
    await expectInvariants(tradeflow, orderId);
  });

  it('split delivery: stock in two warehouses makes two shipments and two invoices that add up', async () => {
    await tradeflow.receiveStock('BER', [{ sku: pot, quantity: 2 }]);
    await tradeflow.receiveStock('HAM', [{ sku: pot, quantity: 3 }]);
    const orderId = await tradeflow.placeOrder([{ sku: pot, quantity: 5, unitPriceMinor: 2500, taxRateBp: 1900 }]);

    const shipments = await tradeflow.shipEverything(orderId, 2);
    expect(shipments.map((shipment) => [shipment.warehouse, shipment.lines[0].quantity]).sort()).toEqual([
      ['BER', 2],
      ['HAM', 3],
    ]);
    const invoices = await tradeflow.waitForInvoices(orderId, 2);
    expect(invoices.reduce((sum, invoice) => sum + invoice.totalMinor, 0)).toBe(5 * 2500 + 5 * 475);
    expect(new Set(invoices.map((invoice) => invoice.number)).size).toBe(2);
    await tradeflow.waitForOrder(orderId, 'DELIVERED');
    await expectInvariants(tradeflow, orderId);
  });

  it('waits for the whole order unless partial shipment is allowed; a later receipt completes it', async () => {
    await tradeflow.receiveStock('BER', [{ sku: kettle, quantity: 4 }]);
    const whole = await tradeflow.placeOrder([{ sku: kettle, quantity: 3 }]);
    await tradeflow.waitForOrder(whole, 'RESERVED');
    const partial = await tradeflow.placeOrder([{ sku: kettle, quantity: 3 }], { allowPartialShipment: true });
    const waiting = await tradeflow.placeOrder([{ sku: kettle, quantity: 2 }]);
    await tradeflow.waitForOrder(partial, 'PARTIALLY_RESERVED');
    await tradeflow.waitForOrder(waiting, 'BACKORDERED');

    const [early] = await tradeflow.waitForShipments(partial, 1, 'LABELLED');
    expect(early.lines[0].quantity).toBe(1);
    expect(await tradeflow.shipments(waiting)).toEqual([]);

    await tradeflow.receiveStock('BER', [{ sku: kettle, quantity: 4 }]);
    await tradeflow.waitForOrder(partial, 'RESERVED');
    await tradeflow.waitForOrder(waiting, 'RESERVED');
    const [all] = await tradeflow.waitForShipments(waiting, 1, 'LABELLED');
    expect(all.lines[0].quantity).toBe(2);
    const rest = await tradeflow.waitForShipments(partial, 2, 'LABELLED');
    expect(rest.map((shipment) => shipment.lines[0].quantity).sort()).toEqual([1, 2]);
    for (const orderId of [whole, partial, waiting]) await expectInvariants(tradeflow, orderId);
  });

  it('amends an order before dispatch and refuses to take a line below what shipped (409)', async () => {
    await tradeflow.receiveStock('BER', [{ sku: cup, quantity: 10 }]);
    const orderId = await tradeflow.placeOrder([{ sku: cup, quantity: 2 }]);
    await tradeflow.waitForShipments(orderId, 1, 'LABELLED');

    expect((await tradeflow.amend(orderId, [{ lineNo: 1, quantity: 5 }])).status).toBe(200);
    await eventually(
      () => tradeflow.order(orderId),
      (order) => order.status === 'RESERVED' && order.lines[0].reserved === 5,
    );
    const grown = await eventually(
      async () => (await tradeflow.shipments(orderId)).filter((shipment) => shipment.status === 'LABELLED'),
      (live) => live.reduce((sum, shipment) => sum + shipment.lines[0].quantity, 0) === 5,
    );

    expect((await tradeflow.amend(orderId, [{ lineNo: 1, quantity: 1 }])).status).toBe(200);
    const [shrunk] = await eventually(
      async () => (await tradeflow.shipments(orderId)).filter((shipment) => shipment.status !== 'CANCELLED'),
      (live) => live.length === 1 && live[0].lines[0].quantity === 1 && live[0].status === 'LABELLED',
    );
    expect(grown.every((shipment) => shipment.id !== shrunk.id)).toBe(true);
    await eventually(
      () => tradeflow.stock(cup),
      (stock) => stock.reserved === 1,
    );

    expect((await tradeflow.dispatch(shrunk.id)).status).toBe(200);
    await tradeflow.waitForOrder(orderId, 'SHIPPED');
    const refused = await tradeflow.amend(orderId, [{ lineNo: 1, quantity: 0 }]);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/shipped|dispatched/i);
    await expectInvariants(tradeflow, orderId);
  });

  it('cancels before dispatch (stock released, shipments cancelled, no invoice) and after a partial dispatch', async () => {
    await tradeflow.receiveStock('BER', [{ sku: jug, quantity: 4 }]);
    const before = await tradeflow.placeOrder([{ sku: jug, quantity: 2 }]);
    await tradeflow.waitForShipments(before, 1, 'LABELLED');
    expect((await tradeflow.cancel(before)).status).toBe(200);
    await tradeflow.waitForOrder(before, 'CANCELLED');
    await eventually(
      () => tradeflow.shipments(before),
      (shipments) => shipments.length === 1 && shipments[0].status === 'CANCELLED',
    );
    await eventually(
      () => tradeflow.stock(jug),
      (stock) => stock.reserved === 0 && stock.onHand === 4,
    );
    expect(await tradeflow.invoices(before)).toEqual([]);

    const after = await tradeflow.placeOrder([{ sku: jug, quantity: 6 }], { allowPartialShipment: true });
    await tradeflow.waitForOrder(after, 'PARTIALLY_RESERVED');
    await tradeflow.shipEverything(after, 1);
    await tradeflow.waitForInvoices(after, 1);
    expect((await tradeflow.cancel(after)).status).toBe(200);
    const rest = await eventually(
      () => tradeflow.order(after),
      (order) => order.lines[0].cancelled === 2 && order.lines[0].backordered === 0,
    );
    expect(rest.lines[0]).toMatchObject({ ordered: 6, shipped: 4, invoiced: 4 });
    await tradeflow.waitForOrder(after, 'DELIVERED');
    expect(await tradeflow.invoices(after)).toHaveLength(1);
    await expectInvariants(tradeflow, after);
  });

  it('returns part of a delivered order: restocked and credited for exactly that part', async () => {
    await tradeflow.receiveStock('HAM', [{ sku: bowl, quantity: 5 }]);
    const orderId = await tradeflow.placeOrder([{ sku: bowl, quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 }]);
    await tradeflow.shipEverything(orderId, 1);
    await tradeflow.waitForOrder(orderId, 'DELIVERED');

    expect((await tradeflow.requestReturn(orderId, [{ lineNo: 1, quantity: 4 }])).status).toBe(409);
    const requested = await tradeflow.requestReturn(orderId, [{ lineNo: 1, quantity: 1 }]);
    expect(requested.status).toBe(201);
    const returnId = requested.body.returnId;
    await eventually(
      () => tradeflow.receiveReturn(returnId),
      (response) => response.status === 200,
    );
    const [creditNote] = await eventually(
      () => tradeflow.creditNotes(orderId),
      (notes) => notes.length === 1,
    );
    expect(creditNote).toMatchObject({ netMinor: 1299, taxMinor: 247, totalMinor: 1546 });
    await eventually(
      () => tradeflow.stock(bowl),
      (stock) => stock.onHand === 3,
    );
    await eventually(
      () => tradeflow.order(orderId),
      (order) => order.lines[0].returned === 1,
    );
    await expectInvariants(tradeflow, orderId);
  });

  it('pays in two parts (the provider reports one, finance books the other) and records an over-payment', async () => {
    await tradeflow.receiveStock('BER', [{ sku: vase, quantity: 1 }]);
    const orderId = await tradeflow.placeOrder([{ sku: vase, quantity: 1, unitPriceMinor: 10000, taxRateBp: 1900 }]);
    await tradeflow.shipEverything(orderId, 1);
    const [invoice] = await tradeflow.waitForInvoices(orderId, 1);
    expect(invoice.totalMinor).toBe(11900);

    expect((await tradeflow.providerPays(invoice.id, 5000)).body).toMatchObject({ paidMinor: 5000, outstandingMinor: 6900 });
    const [partlyPaid] = await tradeflow.invoices(orderId);
    expect(partlyPaid.status).toBe('PARTIALLY_PAID');
    expect((await tradeflow.pay(invoice.id, 7000)).body).toMatchObject({ paidMinor: 12000, outstandingMinor: 0, creditBalanceMinor: 100 });
    const [overpaid] = await tradeflow.invoices(orderId);
    expect(overpaid).toMatchObject({ status: 'OVERPAID', paidMinor: 12000, outstandingMinor: 0, creditBalanceMinor: 100 });
    expect(overpaid.payments).toHaveLength(2);
    await tradeflow.waitForOrder(orderId, 'COMPLETED');
    await expectInvariants(tradeflow, orderId);
  });

  it('shows a label failure, retries it after the carrier recovers, and goes on without retyping anything', async () => {
    await tradeflow.receiveStock('BER', [{ sku: lamp, quantity: 1 }]);
    await slice.restart('shipping', { LOCAL_CARRIER_FAILURE_RATE: '1', LABEL_MAX_ATTEMPTS: '2' });
    const orderId = await tradeflow.placeOrder([{ sku: lamp, quantity: 1 }]);
    const [failed] = await tradeflow.waitForShipments(orderId, 1, 'LABEL_FAILED');
    expect(failed.labelAttempts).toBe(2);
    expect(failed.lastLabelError).toEqual(expect.any(String));

    await slice.restart('shipping', { LOCAL_CARRIER_FAILURE_RATE: '0' });
    expect((await tradeflow.retryLabel(failed.id)).status).toBe(200);
    const [labelled] = await tradeflow.waitForShipments(orderId, 1, 'LABELLED');
    expect(labelled.id).toBe(failed.id);
    expect((await tradeflow.dispatch(labelled.id)).status).toBe(200);
    await tradeflow.waitForInvoices(orderId, 1);
    await expectInvariants(tradeflow, orderId);
  });
});
