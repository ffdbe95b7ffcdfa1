import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import type { Slice } from '../slice';
import { startSlice } from '../slice';
import { expectInvariants } from './invariants';
import { TradeflowClient } from './tradeflow-client';

/**
 * docs/design.md#exceptions: a partly shipped line gives up its unshipped rest. Inventory, shipping and
 * invoicing follow OrderAmended as for any reduction; this walks it through the services as processes.
 */
describe('reducing a partly shipped line to what shipped', () => {
  let slice: Slice;
  let tradeflow: TradeflowClient;
  const pot = `POT-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    slice = await startSlice();
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(pot);
  });
  afterAll(() => slice?.stop());

  it('releases the rest, cancels its shipment, invoices what left and completes; below what shipped is 409', async () => {
    await tradeflow.receiveStock('BER', [{ sku: pot, quantity: 3 }]);
    await tradeflow.receiveStock('HAM', [{ sku: pot, quantity: 2 }]);
    const orderId = await tradeflow.placeOrder([{ sku: pot, quantity: 5, unitPriceMinor: 1000, taxRateBp: 1900 }], { allowPartialShipment: true });
    const shipments = await tradeflow.waitForShipments(orderId, 2, 'LABELLED');
    const ber = shipments.find((shipment) => shipment.warehouse === 'BER');
    const ham = shipments.find((shipment) => shipment.warehouse === 'HAM');
    expect([ber?.lines[0].quantity, ham?.lines[0].quantity]).toEqual([3, 2]);

    expect((await tradeflow.dispatch(ber.id)).status).toBe(200);
    await tradeflow.waitForOrder(orderId, 'PARTIALLY_SHIPPED');

    const below = await tradeflow.amend(orderId, [{ lineNo: 1, quantity: 2 }]);
    expect(below.status).toBe(409);
    expect(below.body.message).toBe('line 1 has 3 of 5 shipped; its quantity cannot go below 3');

    const reduced = await tradeflow.amend(orderId, [{ lineNo: 1, quantity: 3 }]);
    expect(reduced.status).toBe(200);
    expect(reduced.body.lines[0]).toMatchObject({ ordered: 3, shipped: 3 });
    expect(reduced.body.status).toBe('SHIPPED');

    // Inventory releases HAM's reservation; shipping cancels HAM's shipment for it and plans nothing new.
    const cancelled = await eventually(
      async () => (await tradeflow.shipments(orderId)).find((shipment) => shipment.id === ham.id),
      (shipment) => shipment?.status === 'CANCELLED',
    );
    expect(cancelled.cancelReason).toBe('amended');
    const stock = await eventually(
      () => tradeflow.stock(pot),
      (levels) => levels.reserved === 0,
    );
    const levels = stock.warehouses.map(({ warehouse, onHand, reserved }: { warehouse: string; onHand: number; reserved: number }) => [warehouse, onHand, reserved]);
    expect(levels.sort()).toEqual([
      ['BER', 0, 0],
      ['HAM', 2, 0],
    ]);
    await eventually(
      () => tradeflow.order(orderId),
      (order) => order.lines[0].reserved === 3,
    );
    expect((await tradeflow.shipments(orderId)).filter((shipment) => shipment.status !== 'CANCELLED').map((shipment) => shipment.id)).toEqual([ber.id]);

    expect((await tradeflow.carrierReports(ber.trackingNumber, 'DELIVERED')).status).toBe(200);
    await tradeflow.waitForOrder(orderId, 'DELIVERED');
    // Invoicing invoiced the dispatch only: 3 × 10.00 + 19 %.
    const [invoice] = await tradeflow.waitForInvoices(orderId, 1);
    expect(invoice).toMatchObject({ shipmentId: ber.id, netMinor: 3000, taxMinor: 570, totalMinor: 3570 });
    expect((await tradeflow.pay(invoice.id, 3570)).status).toBe(201);
    const completed = await tradeflow.waitForOrder(orderId, 'COMPLETED');
    expect(completed.lines[0]).toMatchObject({ ordered: 3, reserved: 3, shipped: 3, invoiced: 3 });
    expect(await tradeflow.invoices(orderId)).toHaveLength(1);

    expect((await tradeflow.amend(orderId, [{ lineNo: 1, quantity: 0 }])).status).toBe(409);
    await expectInvariants(tradeflow, orderId);
  });
});
