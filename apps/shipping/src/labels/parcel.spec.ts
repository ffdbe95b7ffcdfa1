import type { ProductMeasures } from './parcel';
import { parcelOf } from './parcel';

const products = new Map<string, ProductMeasures>([
  ['MUG', { weightGrams: 350, lengthMm: 120, widthMm: 90, heightMm: 100 }],
  ['TEA', { weightGrams: 125, lengthMm: 160, widthMm: 60, heightMm: 60 }],
  ['POSTER', { weightGrams: 80, lengthMm: 600, widthMm: 40, heightMm: 40 }],
  ['CARD', { weightGrams: 5, lengthMm: null, widthMm: null, heightMm: null }],
  ['SAMPLE', { weightGrams: null, lengthMm: 50, widthMm: 50, heightMm: 50 }],
]);

const line = (lineNo: number, sku: string, quantity: number) => ({ lineNo, sku, quantity });

describe('parcelOf', () => {
  it('weighs Σ quantity × unit weight and takes the box of the largest item by volume', () => {
    // 3 × 350 + 2 × 125 + 1 × 80 = 1380 g; volumes: MUG 1 080 000, TEA 576 000, POSTER 960 000 mm³
    expect(parcelOf([line(1, 'MUG', 3), line(2, 'TEA', 2), line(3, 'POSTER', 1)], products)).toEqual({
      weightGrams: 1380,
      dimensions: { lengthMm: 120, widthMm: 90, heightMm: 100 },
    });
  });

  it('takes the first line’s box when two items have the same volume', () => {
    const sameVolume = new Map<string, ProductMeasures>([
      ['FLAT', { weightGrams: 1, lengthMm: 200, widthMm: 100, heightMm: 10 }],
      ['CUBE', { weightGrams: 1, lengthMm: 100, widthMm: 20, heightMm: 100 }],
    ]);
    expect(parcelOf([line(1, 'FLAT', 1), line(2, 'CUBE', 1)], sameVolume).dimensions).toEqual({ lengthMm: 200, widthMm: 100, heightMm: 10 });
  });

  it('does not know the weight when a line’s product weight is unknown, but still knows the box', () => {
    expect(parcelOf([line(1, 'MUG', 1), line(2, 'SAMPLE', 4)], products)).toEqual({
      weightGrams: null,
      dimensions: { lengthMm: 120, widthMm: 90, heightMm: 100 },
    });
  });

  it('does not know the box when a line’s product dimensions are unknown, but still knows the weight', () => {
    expect(parcelOf([line(1, 'MUG', 1), line(2, 'CARD', 10)], products)).toEqual({ weightGrams: 400, dimensions: null });
  });

  it('knows neither when shipping has not heard of a line’s product', () => {
    expect(parcelOf([line(1, 'MUG', 1), line(2, 'NO-SUCH-SKU', 1)], products)).toEqual({ weightGrams: null, dimensions: null });
  });
});
