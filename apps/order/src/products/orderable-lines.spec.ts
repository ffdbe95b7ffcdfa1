import type { ProductStatus } from './orderable-lines';
import { refusalMessage, refusedLines } from './orderable-lines';

describe('refusedLines', () => {
  const catalogue = new Map<string, ProductStatus>([
    ['MUG', 'ACTIVE'],
    ['KETTLE', 'ACTIVE'],
    ['TEAPOT', 'DISCONTINUED'],
    ['LAMP', 'BLOCKED'],
  ]);

  it('lets lines of active products pass', () => {
    expect(refusedLines([{ lineNo: 1, sku: 'MUG' }, { lineNo: 2, sku: 'KETTLE' }], catalogue)).toEqual([]);
  });

  it('refuses every line of an unknown, discontinued or blocked sku, in line order, with its reason', () => {
    const lines = [
      { lineNo: 4, sku: 'LAMP' },
      { lineNo: 1, sku: 'MUG' },
      { lineNo: 2, sku: 'NO-SUCH-SKU' },
      { lineNo: 3, sku: 'TEAPOT' },
    ];
    expect(refusedLines(lines, catalogue)).toEqual([
      { lineNo: 2, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' },
      { lineNo: 3, sku: 'TEAPOT', reason: 'DISCONTINUED' },
      { lineNo: 4, sku: 'LAMP', reason: 'BLOCKED' },
    ]);
  });

  it('refuses a sku twice when two lines name it', () => {
    expect(refusedLines([{ lineNo: 1, sku: 'TEAPOT' }, { lineNo: 2, sku: 'TEAPOT' }], catalogue).map((line) => line.lineNo)).toEqual([1, 2]);
  });
});

describe('refusalMessage', () => {
  it('names the first line, its sku and why', () => {
    expect(refusalMessage([{ lineNo: 2, sku: 'NO-SUCH-SKU', reason: 'UNKNOWN_PRODUCT' }])).toBe('line 2: sku NO-SUCH-SKU is not in the product catalogue');
    expect(refusalMessage([{ lineNo: 1, sku: 'TEAPOT', reason: 'DISCONTINUED' }])).toBe('line 1: sku TEAPOT is discontinued');
    expect(refusalMessage([{ lineNo: 3, sku: 'LAMP', reason: 'BLOCKED' }])).toBe('line 3: sku LAMP is blocked');
  });

  it('counts the other refused lines', () => {
    const refused = [
      { lineNo: 1, sku: 'TEAPOT', reason: 'DISCONTINUED' },
      { lineNo: 2, sku: 'LAMP', reason: 'BLOCKED' },
      { lineNo: 5, sku: 'X', reason: 'UNKNOWN_PRODUCT' },
    ] as const;
    expect(refusalMessage(refused)).toBe('line 1: sku TEAPOT is discontinued; 2 more lines refused');
    expect(refusalMessage(refused.slice(0, 2))).toBe('line 1: sku TEAPOT is discontinued; 1 more line refused');
  });
});
