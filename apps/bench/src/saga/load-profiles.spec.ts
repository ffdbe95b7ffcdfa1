import { loadProfile, zipf } from './load-profiles';

/** A seeded generator, so the shares below are the same on every run. */
function seeded(seed = 42): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('saga load profiles', () => {
  it('draws Zipf ranks: with s = 1 the first rank comes about twice as often as the second', () => {
    const draw = zipf(500, 1, seeded());
    const counts = new Array<number>(500).fill(0);
    for (let index = 0; index < 100_000; index++) counts[draw()]++;
    expect(counts[0] / counts[1]).toBeGreaterThan(1.8);
    expect(counts[0] / counts[1]).toBeLessThan(2.2);
    expect(counts[0] / 100_000).toBeGreaterThan(0.13);
    expect(counts[499]).toBeGreaterThan(0);
  });

  it('realistic: 1,000 customers, 500 stocked skus, 1–5 distinct lines, about 10% of orders across both warehouses', () => {
    const profile = loadProfile('realistic', seeded());
    expect(profile.customers).toHaveLength(1000);
    expect(new Set(profile.receipts.flatMap((receipt) => receipt.lines.map((line) => line.sku)))).toEqual(new Set(profile.skus));
    expect(profile.skus).toHaveLength(500);
    const orders = Array.from({ length: 5000 }, () => profile.nextOrder());
    for (const order of orders) {
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(5);
      expect(new Set(order.lines.map((line) => line.sku)).size).toBe(order.lines.length);
    }
    const products = new Set(profile.skus);
    expect(orders.flatMap((order) => order.lines.filter((line) => !products.has(line.sku)))).toEqual([]);
    const split = orders.filter((order) => order.shipments === 2).length / orders.length;
    expect(split).toBeGreaterThan(0.08);
    expect(split).toBeLessThan(0.12);
  });

  it('hot keys: every order from one customer, over the same four skus in one warehouse', () => {
    const profile = loadProfile('hot-keys', seeded());
    const orders = Array.from({ length: 200 }, () => profile.nextOrder());
    expect(new Set(orders.map((order) => order.customerId))).toEqual(new Set(profile.customers));
    expect(new Set(orders.flatMap((order) => order.lines.map((line) => line.sku)))).toEqual(new Set(profile.skus));
    expect(profile.skus).toHaveLength(4);
    expect(orders.every((order) => order.shipments === 1)).toBe(true);
  });
});
