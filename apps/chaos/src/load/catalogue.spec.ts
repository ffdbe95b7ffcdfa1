import { randomLines, SKUS } from './catalogue';

describe('randomLines', () => {
  it('asks for every sku about as often', () => {
    const units = new Map<string, number>();
    for (let order = 0; order < 40_000; order++) {
      for (const line of randomLines()) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
    }
    const mean = [...units.values()].reduce((sum, each) => sum + each, 0) / SKUS.length;
    for (const sku of SKUS) expect(Math.abs((units.get(sku) ?? 0) - mean) / mean).toBeLessThan(0.05);
  });

  it('orders one to three distinct skus', () => {
    for (let order = 0; order < 1000; order++) {
      const skus = randomLines().map((line) => line.sku);
      expect(skus.length).toBeGreaterThanOrEqual(1);
      expect(skus.length).toBeLessThanOrEqual(3);
      expect(new Set(skus).size).toBe(skus.length);
    }
  });
});
