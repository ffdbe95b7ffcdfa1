import type { Stock } from '../testing/inventory-under-test';
import { InventoryUnderTest } from '../testing/inventory-under-test';

describe('GET /v1/stock: every sku, a page at a time (real Postgres)', () => {
  let inventory: InventoryUnderTest;

  beforeAll(async () => {
    inventory = await new InventoryUnderTest().start();
    await inventory.addProducts(['CUP', 'MUG', 'TEA']);
    await inventory.receive('BER', [
      { sku: 'CUP', quantity: 4 },
      { sku: 'MUG', quantity: 10 },
    ]);
    await inventory.receive('HAM', [
      { sku: 'MUG', quantity: 3 },
      { sku: 'TEA', quantity: 7 },
    ]);
  });
  afterAll(() => inventory?.stop());

  const page = async (query: string) => {
    const response = await inventory.call(`/v1/stock${query}`, 'shop');
    return { status: response.status, body: response.body as { items: Stock[]; nextAfterSku: string | null } };
  };

  it('lists skus in order with their warehouses, following nextAfterSku to the end', async () => {
    const first = await page('?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item) => item.sku)).toEqual(['CUP', 'MUG']);
    expect(first.body.items[1]).toEqual(await inventory.stock('MUG'));
    expect(first.body.items[1].warehouses.map((level) => level.warehouse)).toEqual(['BER', 'HAM']);
    expect(first.body.nextAfterSku).toBe('MUG');

    const second = await page(`?limit=2&afterSku=${first.body.nextAfterSku}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ sku: 'TEA', onHand: 7, reserved: 0 })], nextAfterSku: null });
  });

  it('answers everything on one page by default, and 400 for a bad limit or sku', async () => {
    expect((await page('')).body).toMatchObject({ items: [{ sku: 'CUP' }, { sku: 'MUG' }, { sku: 'TEA' }], nextAfterSku: null });
    expect((await page('?limit=0')).status).toBe(400);
    expect((await page('?limit=501')).status).toBe(400);
    expect((await page('?afterSku=a%20b')).status).toBe(400);
  });

  it('answers people and sales channels only: 401 without a token, 403 for a token without a role', async () => {
    expect((await fetch(`${inventory.url}/v1/stock`)).status).toBe(401);
    expect((await inventory.call('/v1/stock/MUG', 'nobody')).status).toBe(403);
    expect((await inventory.call('/v1/stock/MUG', 'finance')).status).toBe(200);
  });
});
