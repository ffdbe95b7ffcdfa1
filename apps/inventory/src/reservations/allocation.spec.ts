import { allocate } from './allocation';

describe('allocate', () => {
  it('takes the whole order from one warehouse when one can fill it', () => {
    const result = allocate(
      [
        { lineNo: 1, sku: 'MUG', quantity: 2 },
        { lineNo: 2, sku: 'TEA', quantity: 1 },
      ],
      [
        { sku: 'MUG', warehouse: 'BER', available: 5 },
        { sku: 'MUG', warehouse: 'HAM', available: 10 },
        { sku: 'TEA', warehouse: 'HAM', available: 3 },
      ],
    );
    expect(result.backordered).toEqual([]);
    expect(result.allocations).toEqual([
      { lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 2 },
      { lineNo: 2, sku: 'TEA', warehouse: 'HAM', quantity: 1 },
    ]);
  });

  it('splits across warehouses, largest stock first, when no single warehouse can', () => {
    const result = allocate(
      [
        { lineNo: 1, sku: 'MUG', quantity: 4 },
        { lineNo: 2, sku: 'TEA', quantity: 1 },
      ],
      [
        { sku: 'MUG', warehouse: 'BER', available: 4 },
        { sku: 'TEA', warehouse: 'HAM', available: 1 },
      ],
    );
    expect(result.allocations).toEqual([
      { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 4 },
      { lineNo: 2, sku: 'TEA', warehouse: 'HAM', quantity: 1 },
    ]);
    expect(result.backordered).toEqual([]);
  });

  it('splits one line over two warehouses and backorders the rest', () => {
    const result = allocate(
      [{ lineNo: 1, sku: 'MUG', quantity: 10 }],
      [
        { sku: 'MUG', warehouse: 'BER', available: 3 },
        { sku: 'MUG', warehouse: 'HAM', available: 5 },
      ],
    );
    expect(result.allocations).toEqual([
      { lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 5 },
      { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 3 },
    ]);
    expect(result.backordered).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 2 }]);
  });

  it('counts two lines of the same sku against the same stock', () => {
    const result = allocate(
      [
        { lineNo: 1, sku: 'MUG', quantity: 3 },
        { lineNo: 2, sku: 'MUG', quantity: 3 },
      ],
      [{ sku: 'MUG', warehouse: 'BER', available: 4 }],
    );
    expect(result.allocations).toEqual([
      { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 3 },
      { lineNo: 2, sku: 'MUG', warehouse: 'BER', quantity: 1 },
    ]);
    expect(result.backordered).toEqual([{ lineNo: 2, sku: 'MUG', quantity: 2 }]);
  });

  it('backorders everything for an unknown sku or negative availability', () => {
    const result = allocate([{ lineNo: 1, sku: 'NEW', quantity: 1 }], [{ sku: 'NEW', warehouse: 'BER', available: -2 }]);
    expect(result).toEqual({ allocations: [], backordered: [{ lineNo: 1, sku: 'NEW', quantity: 1 }] });
  });
});

describe('allocate with excluded warehouses', () => {
  const exclusions = new Map([['MUG', new Set(['HAM'])]]);

  it('never takes stock of a sku from a warehouse its product excludes, even when that one could fill the whole order', () => {
    const result = allocate(
      [
        { lineNo: 1, sku: 'MUG', quantity: 2 },
        { lineNo: 2, sku: 'TEA', quantity: 1 },
      ],
      [
        { sku: 'MUG', warehouse: 'BER', available: 1 },
        { sku: 'MUG', warehouse: 'HAM', available: 10 },
        { sku: 'TEA', warehouse: 'HAM', available: 3 },
      ],
      exclusions,
    );
    expect(result.allocations).toEqual([
      { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
      { lineNo: 2, sku: 'TEA', warehouse: 'HAM', quantity: 1 },
    ]);
    expect(result.backordered).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 1 }]);
  });

  it('backorders a line whose only stock is in an excluded warehouse', () => {
    const result = allocate([{ lineNo: 1, sku: 'MUG', quantity: 1 }], [{ sku: 'MUG', warehouse: 'HAM', available: 5 }], exclusions);
    expect(result).toEqual({ allocations: [], backordered: [{ lineNo: 1, sku: 'MUG', quantity: 1 }] });
  });
});
