import type { DomainEvent, EventPayload, EventType } from '@tradeflow/events';
import { createEvent, EVENT_TYPES, EVERY_SERVICE, topicOfEvent } from '@tradeflow/events';
import { randomUUID } from 'node:crypto';

const orderId = randomUUID();
const shipmentId = randomUUID();
const invoiceId = randomUUID();
const returnId = randomUUID();
const customerId = 'CUST-100234';

// A typical order: three lines, prices in cents, German VAT rates.
const priced = [
  { lineNo: 1, sku: 'MUG-RED-350ML', quantity: 2, unitPriceMinor: 1299, taxRateBp: 1900 },
  { lineNo: 2, sku: 'TEA-EARLGREY-250G', quantity: 1, unitPriceMinor: 4550, taxRateBp: 700 },
  { lineNo: 3, sku: 'TEAPOT-CAST-IRON', quantity: 1, unitPriceMinor: 8900, taxRateBp: 1900 },
];
const lines = priced.map(({ lineNo, sku, quantity }) => ({ lineNo, sku, quantity }));
const inWarehouse = lines.map((line) => ({ ...line, warehouse: 'BER' }));
const invoiced = priced.map((line) => {
  const netMinor = line.quantity * line.unitPriceMinor;
  return { ...line, netMinor, taxMinor: Math.round((netMinor * line.taxRateBp) / 10_000) };
});
const totals = {
  netMinor: invoiced.reduce((sum, line) => sum + line.netMinor, 0),
  taxMinor: invoiced.reduce((sum, line) => sum + line.taxMinor, 0),
};
const document = { currency: 'EUR', ...totals, totalMinor: totals.netMinor + totals.taxMinor };
const product = {
  sku: 'MUG-RED-350ML',
  version: 1_765_000_000_000,
  name: 'Mug, red, 350 ml',
  description: 'Stoneware, dishwasher safe',
  status: 'ACTIVE',
  unitOfMeasure: 'C62',
  weightGrams: 420,
  lengthMm: 120,
  widthMm: 90,
  heightMm: 100,
  taxClass: 'STANDARD',
  gtins: ['4006381333931'],
  excludedWarehouses: [],
  updatedAt: Date.now(),
};

/** The payload of every event type, with the sizes and shapes a real order produces. */
const PAYLOADS: { [T in EventType]: EventPayload<T> } = {
  OrderPlaced: {
    orderId,
    channel: 'web-shop',
    channelOrderNumber: 'WEB-100234',
    customerId,
    currency: 'EUR',
    allowPartialShipment: false,
    shippingAddress: { name: 'Ada Lovelace', line1: '12 Analytical Row', line2: null, city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' },
    lines: priced,
  },
  OrderApproved: { orderId, customerId, allowPartialShipment: false, lines },
  OrderHeld: { orderId, customerId, reason: 'CREDIT_LIMIT_EXCEEDED', detail: 'open 480000 + this 20447 > limit 500000 EUR' },
  OrderAmended: { orderId, lines: priced.map((line) => (line.lineNo === 2 ? { ...line, quantity: 3 } : line)) },
  OrderCancelled: { orderId, reason: 'customer changed their mind', lines },
  ReturnRequested: { orderId, returnId, lines: lines.slice(0, 1) },
  OrderCompleted: { orderId },
  StockReserved: { orderId, allocations: inWarehouse },
  StockBackordered: { orderId, lines: lines.slice(2) },
  StockReleased: { orderId, reason: 'cancelled', allocations: inWarehouse.slice(0, 2), backorders: lines.slice(2) },
  StockLevelChanged: { sku: 'MUG-RED-350ML', warehouse: 'BER', onHand: 118, reserved: 14, reason: 'reservation' },
  ReplenishmentRequested: { sku: 'MUG-RED-350ML', warehouse: 'BER', available: 19, reorderPoint: 20 },
  ShipmentCreated: { orderId, shipmentId, warehouse: 'BER', lines },
  ShipmentLabelled: { orderId, shipmentId, carrier: 'local', labelNumber: 'LBL-2026-000123', trackingNumber: 'TRK00012345678DE' },
  ShipmentLabelFailed: { orderId, shipmentId, reason: 'carrier timeout after 10000 ms', attempts: 3 },
  ShipmentDispatched: { orderId, shipmentId, warehouse: 'BER', trackingNumber: 'TRK00012345678DE', lines },
  ShipmentDelivered: { orderId, shipmentId, trackingNumber: 'TRK00012345678DE' },
  ShipmentException: { orderId, shipmentId, trackingNumber: 'TRK00012345678DE', kind: 'FAILED_ATTEMPT', attempt: 1, detail: 'recipient not at home, card left' },
  ShipmentCancelled: { orderId, shipmentId, warehouse: 'BER', reason: 'amended', lines },
  ReturnReceived: { orderId, returnId, lines: inWarehouse.slice(0, 1) },
  InvoiceIssued: {
    invoiceId,
    invoiceNumber: 'INV-2026-000042',
    shipmentId,
    orderId,
    customerId,
    dueDate: '2026-03-14',
    lines: invoiced,
    ...document,
  },
  CreditNoteIssued: {
    creditNoteId: randomUUID(),
    creditNoteNumber: 'CN-2026-000007',
    returnId,
    orderId,
    customerId,
    lines: invoiced.slice(0, 1),
    ...document,
  },
  PaymentReceived: {
    paymentId: randomUUID(),
    paymentRef: 'psp_3Qx7Lk29aB',
    invoiceId,
    orderId,
    customerId,
    currency: 'EUR',
    amountMinor: 10000,
    paidMinor: 10000,
    outstandingMinor: document.totalMinor - 10000,
  },
  InvoicePaid: { invoiceId, orderId, customerId, currency: 'EUR', totalMinor: document.totalMinor, paidMinor: document.totalMinor },
  CustomerUpserted: {
    customerId,
    name: 'Lovelace Analytical Engines Ltd',
    email: 'accounts@lovelace.example',
    taxId: 'GB123456789',
    status: 'ACTIVE',
    creditLimitMinor: 500_000,
    currency: 'EUR',
    paymentTermsDays: 30,
    updatedAt: Date.now(),
  },
  ProductUpserted: product,
  ProductDiscontinued: { ...product, status: 'DISCONTINUED', reason: 'end of line' },
  AvailabilityChanged: {
    sku: 'MUG-RED-350ML',
    availableToSell: 38,
    onHand: 52,
    reserved: 9,
    safetyStock: 5,
    warehouses: [
      { warehouse: 'BER', onHand: 40, reserved: 7, excluded: false },
      { warehouse: 'HAM', onHand: 12, reserved: 2, excluded: false },
    ],
    sequence: 1_048_576,
    changedAt: Date.now(),
  },
  CustomerDuplicateDetected: { customerId: 'CUST-100877', duplicateOfCustomerId: customerId, matchedOn: 'email' },
  CustomerMerged: { customerId, mergedCustomerId: 'CUST-100877' },
  AccountHoldPlaced: { customerId, reason: 'overdue invoices', source: 'crm' },
  AuditRecorded: {
    auditId: randomUUID(),
    action: 'dispatch-shipment',
    targetId: orderId,
    targets: { id: orderId },
    actorSubject: 'wanda',
    actorClient: 'tradeflow-console',
    actorRoles: ['warehouse'],
    route: 'POST /v1/shipments/:id/dispatch',
    reason: null,
    requestId: randomUUID(),
  },
  AccountHoldReleased: { customerId, reason: 'paid', source: 'api' },
};

/** One valid event of each type, made as services make them (createEvent validates). */
export function sampleEvents(): DomainEvent[] {
  return EVENT_TYPES.map((type) => sampleEvent(type));
}

export function sampleEvent<T extends EventType>(type: T): DomainEvent {
  const topic = topicOfEvent(type);
  const payload = PAYLOADS[type] as EventPayload<T>;
  const aggregateId = String((payload as unknown as Record<string, unknown>)[topic.key]);
  return createEvent(type, payload, {
    producer: topic.producer === EVERY_SERVICE ? 'order' : topic.producer,
    aggregateId,
    aggregateVersion: 3,
    correlationId: randomUUID(),
    causationId: randomUUID(),
  }) as DomainEvent;
}
