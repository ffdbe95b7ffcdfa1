import type { OrderFacts, StuckLimits } from './stuck-order-rule';
import { stuckVerdict } from './stuck-order-rule';

const limits: StuckLimits = { HELD: 3600, APPROVED: 120, BACKORDERED: 604800, RESERVED: 172800, PARTIALLY_SHIPPED: 172800, SHIPPED: 604800 };
const now = new Date('2026-12-07T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function order(overrides: Partial<OrderFacts>): OrderFacts {
  return { status: 'APPROVED', since: ago(0), holdReason: null, holdDetail: null, backordered: [], withdrawnProducts: [], labelFailures: [], shipmentExceptions: [], unpaidInvoices: [], ...overrides };
}

describe('stuckVerdict', () => {
  it('lets an order wait within its status limit, and calls it stuck once past it', () => {
    expect(stuckVerdict(order({ since: ago(120) }), limits, now)).toBeNull();
    expect(stuckVerdict(order({ since: ago(185) }), limits, now)).toEqual({
      reason: 'AWAITING_RESERVATION',
      detail: 'inventory has not reserved it: look for a dead letter of this order or a paused partition in inventory',
      action: 'replay-dead-letter',
      limitSeconds: 120,
      overdueSeconds: 65,
    });
  });

  it('says why a held order waits, and that approving it moves it on', () => {
    const held = (holdReason: string) => stuckVerdict(order({ status: 'HELD', since: ago(3700), holdReason, holdDetail: 'exposure 600.00 > limit 500.00 EUR' }), limits, now);
    expect(held('CREDIT_LIMIT_EXCEEDED')).toEqual({
      reason: 'CREDIT_HOLD',
      detail: 'held: CREDIT_LIMIT_EXCEEDED (exposure 600.00 > limit 500.00 EUR)',
      action: 'approve',
      limitSeconds: 3600,
      overdueSeconds: 100,
    });
    expect(held('UNKNOWN_CUSTOMER')).toMatchObject({ reason: 'UNKNOWN_CUSTOMER', action: 'approve' });
    expect(held('ACCOUNT_HOLD')).toMatchObject({ reason: 'ACCOUNT_HOLD', action: 'approve' });
    expect(stuckVerdict(order({ status: 'HELD', since: ago(3599), holdReason: 'ACCOUNT_HOLD' }), limits, now)).toBeNull();
  });

  it('names the backordered skus and asks for stock, also of a partial reservation; a partial one without backorder awaits reservation', () => {
    const backordered = [
      { sku: 'KETTLE', quantity: 2 },
      { sku: 'MUG', quantity: 1 },
    ];
    const expected = { reason: 'BACKORDERED', detail: 'backordered: 2×KETTLE, 1×MUG', action: 'receive-stock', limitSeconds: 604800, overdueSeconds: 1 };
    expect(stuckVerdict(order({ status: 'BACKORDERED', since: ago(604801), backordered }), limits, now)).toEqual(expected);
    expect(stuckVerdict(order({ status: 'PARTIALLY_RESERVED', since: ago(604801), backordered }), limits, now)).toEqual(expected);
    expect(stuckVerdict(order({ status: 'PARTIALLY_RESERVED', since: ago(3000), backordered }), limits, now)).toBeNull();
    expect(stuckVerdict(order({ status: 'PARTIALLY_RESERVED', since: ago(3000) }), limits, now)).toMatchObject({ reason: 'AWAITING_RESERVATION', limitSeconds: 120 });
  });

  it('calls an order waiting for a withdrawn product stuck at once, naming each sku, before its backorder', () => {
    const withdrawnProducts = [
      { sku: 'TEAPOT', status: 'DISCONTINUED', since: ago(30) },
      { sku: 'LAMP', status: 'BLOCKED', since: ago(90) },
      { sku: 'TEAPOT', status: 'DISCONTINUED', since: ago(30) },
    ];
    const expected = {
      reason: 'PRODUCT_DISCONTINUED',
      detail: 'waits for a product withdrawn from the product master: TEAPOT (DISCONTINUED), LAMP (BLOCKED)',
      action: 'amend-order',
      limitSeconds: 0,
      overdueSeconds: 90,
    };
    const backordered = [{ sku: 'TEAPOT', quantity: 2 }];
    for (const status of ['APPROVED', 'BACKORDERED', 'PARTIALLY_RESERVED'] as const) {
      expect([status, stuckVerdict(order({ status, since: ago(5), withdrawnProducts, backordered }), limits, now)]).toEqual([status, expected]);
    }
  });

  it('calls an order with a refused label stuck at once, naming the shipment to retry', () => {
    const labelFailures = [
      { shipmentId: 'SHP-2', reason: 'carrier timeout', failedAt: ago(30) },
      { shipmentId: 'SHP-1', reason: 'address refused', failedAt: ago(90) },
    ];
    expect(stuckVerdict(order({ status: 'RESERVED', since: ago(100), labelFailures }), limits, now)).toEqual({
      reason: 'AWAITING_SHIPMENT',
      detail: 'label failed: shipment SHP-2: carrier timeout; shipment SHP-1: address refused',
      action: 'retry-label',
      limitSeconds: 0,
      overdueSeconds: 90,
    });
  });

  it('calls an order with a returned, lost or damaged shipment stuck at once, naming each shipment and what the carrier said', () => {
    const shipmentExceptions = [
      { shipmentId: 'SHP-1', exception: 'LOST', detail: null, since: ago(40) },
      { shipmentId: 'SHP-2', exception: 'DAMAGED', detail: 'crushed', since: ago(20) },
    ];
    const expected = {
      reason: 'SHIPMENT_EXCEPTION',
      detail: 'carrier exception: shipment SHP-1 LOST; shipment SHP-2 DAMAGED (crushed)',
      action: 'none',
      limitSeconds: 0,
      overdueSeconds: 40,
    };
    expect(stuckVerdict(order({ status: 'SHIPPED', since: ago(60), shipmentExceptions }), limits, now)).toEqual(expected);
    expect(stuckVerdict(order({ status: 'PARTIALLY_SHIPPED', since: ago(60), shipmentExceptions }), limits, now)).toEqual(expected);
    // A refused label of the rest comes first: the warehouse can act on it.
    const labelFailures = [{ shipmentId: 'SHP-3', reason: 'address refused', failedAt: ago(10) }];
    expect(stuckVerdict(order({ status: 'PARTIALLY_SHIPPED', since: ago(60), shipmentExceptions, labelFailures }), limits, now)).toMatchObject({
      reason: 'AWAITING_SHIPMENT',
      action: 'retry-label',
    });
  });

  it('waits for the warehouse and the carrier within their limits', () => {
    expect(stuckVerdict(order({ status: 'RESERVED', since: ago(172800) }), limits, now)).toBeNull();
    expect(stuckVerdict(order({ status: 'RESERVED', since: ago(172810) }), limits, now)).toEqual({
      reason: 'AWAITING_SHIPMENT',
      detail: 'reserved, the rest not dispatched by the warehouse',
      action: 'none',
      limitSeconds: 172800,
      overdueSeconds: 10,
    });
    expect(stuckVerdict(order({ status: 'PARTIALLY_SHIPPED', since: ago(172810) }), limits, now)).toMatchObject({ detail: 'partly shipped, the rest not dispatched by the warehouse' });
    expect(stuckVerdict(order({ status: 'SHIPPED', since: ago(604900) }), limits, now)).toEqual({
      reason: 'AWAITING_DELIVERY',
      detail: 'dispatched, no delivery reported by the carrier',
      action: 'none',
      limitSeconds: 604800,
      overdueSeconds: 100,
    });
  });

  it('calls a delivered order stuck once an invoice is unpaid after its due day', () => {
    const delivered = (dueDate: string) =>
      stuckVerdict(order({ status: 'DELIVERED', since: new Date('2026-11-01T00:00:00Z'), unpaidInvoices: [{ invoiceNumber: 'INV-000007', dueDate, outstandingMinor: 3092 }] }), limits, now);
    expect(delivered('2026-12-07')).toBeNull();
    expect(delivered('2026-12-06')).toEqual({
      reason: 'AWAITING_PAYMENT',
      detail: 'unpaid past the due date: INV-000007 due 2026-12-06, 3092 outstanding',
      action: 'none',
      limitSeconds: 36 * 86400,
      overdueSeconds: 12 * 3600,
    });
    expect(stuckVerdict(order({ status: 'DELIVERED', since: ago(10 ** 7) }), limits, now)).toBeNull();
  });

  it('never calls a finished order stuck', () => {
    for (const status of ['COMPLETED', 'CANCELLED', 'PLACED'] as const) expect(stuckVerdict(order({ status, since: ago(10 ** 8) }), limits, now)).toBeNull();
  });
});
