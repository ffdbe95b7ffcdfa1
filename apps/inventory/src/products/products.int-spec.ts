import type { DomainEvent, OrderApproved } from '@tradeflow/events';
import { eventually } from '@tradeflow/testing';
import { randomUUID } from 'node:crypto';
import { foreignEvent, InventoryUnderTest } from '../testing/inventory-under-test';

const record = (sku: string, version: number, fields: Record<string, unknown> = {}) => ({
  sku,
  version,
  name: `Product ${sku}`,
  unitOfMeasure: 'C62',
  taxClass: 'STANDARD',
  ...fields,
});

describe('the product master: loads from the ERP, its events, and the rules receipts and reservations follow (real Kafka, registry, Postgres)', () => {
  let inventory: InventoryUnderTest;

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start();
  });
  afterAll(() => inventory?.stop());

  const load = (products: unknown[]) => inventory.call('/v1/products', 'erp', { method: 'PUT', body: { products } });
  const outboxOf = async (sku: string) =>
    (await inventory.query<{ event: DomainEvent }>(`SELECT event FROM outbox WHERE message_key = $1 AND topic = 'tradeflow.products.v1' ORDER BY id`, [sku])).map(
      (row) => row.event,
    );

  it('applies the good rows of a bulk load, reports each bad row with its fields, and publishes each product', async () => {
    const answer = await load([
      record('MUG', 1, { description: 'Red mug', weightGrams: 420, gtins: ['4006381333931'], excludedWarehouses: ['HAM'] }),
      record('TEA', 1, { taxClass: 'LUXURY', gtins: ['4006381333932'] }),
      record('CUP', 1, { status: 'BLOCKED' }),
      record('PLATE', 1),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      applied: [
        { sku: 'MUG', version: 1 },
        { sku: 'PLATE', version: 1 },
      ],
      unchanged: [],
      stale: [],
      rejected: [
        {
          row: 2,
          sku: 'TEA',
          errors: [
            { field: 'taxClass', message: 'is required: one of STANDARD, REDUCED, ZERO' },
            { field: 'gtins[0]', message: 'has a wrong check digit (GTIN 4006381333932)' },
          ],
        },
        { row: 3, sku: 'CUP', errors: [{ field: 'reason', message: 'is required when status is BLOCKED: say why' }] },
      ],
    });

    const mug = await inventory.call('/v1/products/MUG', 'warehouse');
    expect(mug.body).toEqual({
      sku: 'MUG',
      version: 1,
      name: 'Product MUG',
      description: 'Red mug',
      status: 'ACTIVE',
      unitOfMeasure: 'C62',
      weightGrams: 420,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      taxClass: 'STANDARD',
      gtins: ['4006381333931'],
      excludedWarehouses: ['HAM'],
      reason: null,
      updatedAt: expect.any(String),
    });
    expect((await inventory.call('/v1/products/TEA', 'warehouse')).status).toBe(404);

    const [published] = await inventory.published('tradeflow.products.v1', 'MUG', (types) => types.length >= 1);
    const { reason, ...fields } = mug.body;
    expect(reason).toBeNull();
    expect(published).toMatchObject({ eventType: 'ProductUpserted', aggregateId: 'MUG', aggregateVersion: 1, ...fields, updatedAt: Date.parse(mug.body.updatedAt) });
  });

  it('never lets an older version overwrite a newer one, and takes the same version again as unchanged, publishing nothing', async () => {
    expect((await load([record('BOWL', 5, { name: 'Bowl' })])).body.applied).toEqual([{ sku: 'BOWL', version: 5 }]);
    const again = await load([record('BOWL', 4, { name: 'Old bowl' }), record('BOWL', 5, { name: 'Bowl' })]);
    expect(again.body).toEqual({ applied: [], unchanged: [{ sku: 'BOWL', version: 5 }], stale: [{ sku: 'BOWL', version: 4, currentVersion: 5 }], rejected: [] });

    const clash = await load([record('BOWL', 5, { name: 'Another bowl' })]);
    expect(clash.body.rejected).toEqual([
      { row: 1, sku: 'BOWL', errors: [{ field: 'version', message: 'version 5 is already stored with different content: send a higher version to change the product' }] },
    ]);
    expect((await inventory.call('/v1/products/BOWL', 'auditor')).body).toMatchObject({ version: 5, name: 'Bowl' });
    expect((await outboxOf('BOWL')).map((event) => event.eventType)).toEqual(['ProductUpserted']);

    const older = await inventory.call('/v1/products/BOWL', 'erp', { method: 'PUT', body: record('BOWL', 3) });
    expect(older.status).toBe(409);
    expect(older.body.message).toBe('version 3 of BOWL is older than the stored version 5');
  });

  it('serialises concurrent loads of the same new sku: one applies its version, the other finds it stored', async () => {
    const [first, second] = await Promise.all([load([record('RACE', 1, { name: 'One' })]), load([record('RACE', 1, { name: 'Two' })])]);
    const outcomes = [first.body, second.body].map((report) => (report.applied.length === 1 ? 'applied' : report.rejected[0]?.errors[0].field));
    expect(outcomes.sort()).toEqual(['applied', 'version']);
    expect(await outboxOf('RACE')).toHaveLength(1);
  });

  it('publishes ProductDiscontinued with the reason when an ACTIVE product is discontinued, and ProductUpserted when it comes back', async () => {
    await load([record('LAMP', 1)]);
    const put = (version: number, fields: Record<string, unknown>) => inventory.call('/v1/products/LAMP', 'erp', { method: 'PUT', body: { version, name: 'Lamp', unitOfMeasure: 'C62', taxClass: 'STANDARD', ...fields } });

    const invalid = await put(2, { status: 'DISCONTINUED', weightGrams: -1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual([
      { field: 'weightGrams', message: 'must be a whole number, 0 or more, or null' },
      { field: 'reason', message: 'is required when status is DISCONTINUED: say why' },
    ]);

    const discontinued = await put(2, { status: 'DISCONTINUED', reason: 'End of line' });
    expect(discontinued.status).toBe(200);
    expect(discontinued.body).toMatchObject({ sku: 'LAMP', version: 2, status: 'DISCONTINUED', reason: 'End of line' });
    await put(3, {});

    const events = await inventory.published('tradeflow.products.v1', 'LAMP', (types) => types.length >= 3);
    expect(events.map((event) => [event.eventType, event.aggregateVersion])).toEqual([
      ['ProductUpserted', 1],
      ['ProductDiscontinued', 2],
      ['ProductUpserted', 3],
    ]);
    expect(events[1]).toMatchObject({ sku: 'LAMP', version: 2, status: 'DISCONTINUED', reason: 'End of line', name: 'Lamp' });
    expect((await inventory.call('/v1/products/LAMP', 'ops')).body).toMatchObject({ status: 'ACTIVE', reason: null });
  });

  it('imports a CSV, rows numbered by line, with the same report', async () => {
    const csv = [
      'sku,version,name,unitOfMeasure,taxClass,status,reason,gtins,excludedWarehouses',
      'CSV-1,1,"Chair, oak",C62,STANDARD,,,96385074|4006381333931,BER|HAM',
      'CSV-2,1,Table,C62,ZERO,DISCONTINUED,,,',
      'CSV-3,x,Stool,C62,REDUCED,,,,',
      'CSV-4,1,Bench,C62,REDUCED',
    ].join('\n');
    const imported = await inventory.request('POST', '/v1/products/import', { rawBody: csv, as: 'erp', headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({
      applied: [{ sku: 'CSV-1', version: 1 }],
      unchanged: [],
      stale: [],
      rejected: [
        { row: 3, sku: 'CSV-2', errors: [{ field: 'reason', message: 'is required when status is DISCONTINUED: say why' }] },
        { row: 4, sku: 'CSV-3', errors: [{ field: 'version', message: 'is required: a whole number, 0 or more, that rises with each change' }] },
        { row: 5, sku: 'CSV-4', errors: [{ field: 'line', message: 'has 5 cells, the header 9' }] },
      ],
    });
    expect((await inventory.call('/v1/products/CSV-1', 'erp')).body).toMatchObject({
      name: 'Chair, oak',
      gtins: ['96385074', '4006381333931'],
      excludedWarehouses: ['BER', 'HAM'],
    });

    const unknownColumn = await inventory.request('POST', '/v1/products/import', { rawBody: 'sku,colour\nX,red\n', as: 'erp', headers: { 'content-type': 'text/csv' } });
    expect(unknownColumn).toMatchObject({ status: 422, body: { message: expect.stringContaining('unknown column colour') } });
    const asJson = await inventory.call('/v1/products/import', 'erp', { method: 'POST', body: { csv } });
    expect(asJson.status).toBe(415);
  });

  it('answers 400 only for a body that is not a list of 1 to 5000 records, and lets only the catalogue role write', async () => {
    expect((await inventory.call('/v1/products', 'erp', { method: 'PUT', body: { products: [] } })).status).toBe(400);
    expect((await inventory.call('/v1/products', 'erp', { method: 'PUT', body: [record('X', 1)] })).status).toBe(400);
    expect((await inventory.call('/v1/products', 'erp', { method: 'PUT', body: { products: [record('X', 1)], product: {} } })).status).toBe(400);
    expect((await inventory.call('/v1/products', 'erp', { method: 'PUT', body: { products: [record('X', 1), [null]] } })).status).toBe(400);
    const tooMany = Array.from({ length: 5001 }, (_, index) => record(`N-${index}`, 1));
    expect((await load(tooMany)).status).toBe(400);
    expect((await inventory.call('/v1/products', 'warehouse', { method: 'PUT', body: { products: [record('X', 1)] } })).status).toBe(403);
    expect((await inventory.call('/v1/products/X', 'ops', { method: 'PUT', body: record('X', 1) })).status).toBe(403);
    expect((await inventory.call('/v1/products', 'finance')).status).toBe(403);
  });

  it('loads 5000 rows (more than a MB) in one request, lists them by status a page at a time, and audits the load once with its counts', async () => {
    const details = { description: 'Stoneware, dishwasher safe, '.repeat(4), weightGrams: 420, lengthMm: 120, widthMm: 90, heightMm: 100, gtins: ['4006381333931'] };
    const many = Array.from({ length: 5000 }, (_, index) =>
      record(`BULK-${String(index).padStart(4, '0')}`, 1, { ...details, ...(index % 5 === 0 ? { status: 'BLOCKED', reason: 'Recall' } : {}) }),
    );
    expect(JSON.stringify({ products: many }).length).toBeGreaterThan(1_048_576);
    const answer = await load(many);
    expect(answer.status).toBe(200);
    expect(answer.body.applied).toHaveLength(5000);

    const first = await inventory.call('/v1/products?status=BLOCKED&after=BULK&limit=500', 'auditor');
    expect(first.body.items).toHaveLength(500);
    expect(first.body.items[0]).toMatchObject({ sku: 'BULK-0000', status: 'BLOCKED' });
    expect(first.body.nextAfter).toBe('BULK-2495');
    const second = await inventory.call(`/v1/products?status=BLOCKED&after=${first.body.nextAfter}&limit=500`, 'auditor');
    expect(second.body).toMatchObject({ items: expect.any(Array), nextAfter: null });
    expect(second.body.items).toHaveLength(500);
    expect((await inventory.call('/v1/products?status=GONE', 'auditor')).status).toBe(400);

    const audit = await inventory.call('/v1/audit?action=load-products&actor=erp', 'auditor');
    const [latest] = audit.body.records;
    expect(latest).toMatchObject({
      action: 'load-products',
      actorClient: 'erp',
      actorRoles: ['catalogue'],
      route: 'PUT /v1/products',
      targets: { load: latest.correlationId, rows: '5000', applied: '5000', unchanged: '0', stale: '0', rejected: '0' },
    });
  });

  it('refuses a receipt naming a sku that is not in the product master, naming the line and sku', async () => {
    await load([record('KNOWN', 1)]);
    const receipt = { receiptId: `R-${randomUUID()}`, warehouse: 'BER', lines: [{ sku: 'KNOWN', quantity: 1 }, { sku: 'NO-SUCH-SKU', quantity: 2 }] };
    const refused = await inventory.call('/v1/stock/receipts', 'warehouse', { method: 'POST', body: receipt });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      statusCode: 422,
      message: 'line 2: sku NO-SUCH-SKU is not in the product master',
      lines: [{ lineNo: 2, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' }],
    });
    expect((await inventory.call('/v1/stock/KNOWN', 'warehouse')).status).toBe(404);
  });

  it('never reserves stock from a warehouse the product excludes, nor fills its backorders there', async () => {
    await inventory.addProducts(['EXCL'], { excludedWarehouses: ['BER'] });
    await inventory.receive('BER', [{ sku: 'EXCL', quantity: 10 }]);
    await inventory.receive('HAM', [{ sku: 'EXCL', quantity: 2 }]);
    const orderId = randomUUID();
    const approved: OrderApproved = foreignEvent('OrderApproved', { orderId, customerId: 'C-1', allowPartialShipment: true, lines: [{ lineNo: 1, sku: 'EXCL', quantity: 5 }] }, 2);
    await inventory.publish(approved);
    const reserved = await eventually(() => inventory.reservations(orderId), (view) => view !== undefined);
    expect(reserved?.lines[0]).toMatchObject({ backordered: 3, warehouses: [{ warehouse: 'HAM', reserved: 2 }] });

    await inventory.receive('BER', [{ sku: 'EXCL', quantity: 5 }]);
    expect((await inventory.reservations(orderId))?.lines[0]).toMatchObject({ backordered: 3 });
    await inventory.receive('HAM', [{ sku: 'EXCL', quantity: 3 }]);
    expect((await inventory.reservations(orderId))?.lines[0]).toMatchObject({ backordered: 0, warehouses: [{ warehouse: 'HAM', reserved: 5 }] });
    expect(await inventory.stock('EXCL')).toMatchObject({ onHand: 20, reserved: 5 });
  });
});
