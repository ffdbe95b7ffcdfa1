import { assignReturnWarehouses } from './return-warehouses';

describe('assignReturnWarehouses', () => {
  it('sends each line back to the warehouse it was dispatched from', () => {
    const result = assignReturnWarehouses(
      [
        { lineNo: 1, sku: 'MUG', quantity: 1 },
        { lineNo: 2, sku: 'TEA', quantity: 2 },
      ],
      [
        { lineNo: 1, warehouse: 'BER', quantity: 2 },
        { lineNo: 2, warehouse: 'HAM', quantity: 2 },
      ],
      [],
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
        { lineNo: 2, sku: 'TEA', warehouse: 'HAM', quantity: 2 },
      ],
    });
  });

  it('splits a line across warehouses in dispatch order when the first did not ship enough', () => {
    const result = assignReturnWarehouses(
      [{ lineNo: 1, sku: 'MUG', quantity: 4 }],
      [
        { lineNo: 1, warehouse: 'HAM', quantity: 3 },
        { lineNo: 1, warehouse: 'BER', quantity: 2 },
      ],
      [],
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        { lineNo: 1, sku: 'MUG', warehouse: 'HAM', quantity: 3 },
        { lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 1 },
      ],
    });
  });

  it('adds up several shipments from one warehouse and skips what earlier returns brought back', () => {
    const result = assignReturnWarehouses(
      [{ lineNo: 1, sku: 'MUG', quantity: 2 }],
      [
        { lineNo: 1, warehouse: 'HAM', quantity: 1 },
        { lineNo: 1, warehouse: 'BER', quantity: 2 },
        { lineNo: 1, warehouse: 'HAM', quantity: 1 },
      ],
      [{ lineNo: 1, warehouse: 'HAM', quantity: 2 }],
    );
    expect(result).toEqual({ ok: true, lines: [{ lineNo: 1, sku: 'MUG', warehouse: 'BER', quantity: 2 }] });
  });

  it('counts the same line listed twice in one return against the same dispatched stock', () => {
    const result = assignReturnWarehouses(
      [
        { lineNo: 1, sku: 'MUG', quantity: 1 },
        { lineNo: 1, sku: 'MUG', quantity: 2 },
      ],
      [{ lineNo: 1, warehouse: 'BER', quantity: 2 }],
      [],
    );
    expect(result).toEqual({ ok: false, lineNo: 1, requested: 2, returnable: 1 });
  });

  it('refuses, naming the line, to take back more than was dispatched and not yet returned', () => {
    expect(assignReturnWarehouses([{ lineNo: 3, sku: 'PEN', quantity: 1 }], [{ lineNo: 1, warehouse: 'BER', quantity: 2 }], [])).toEqual({
      ok: false,
      lineNo: 3,
      requested: 1,
      returnable: 0,
    });
    expect(
      assignReturnWarehouses([{ lineNo: 1, sku: 'MUG', quantity: 2 }], [{ lineNo: 1, warehouse: 'BER', quantity: 2 }], [{ lineNo: 1, warehouse: 'BER', quantity: 1 }]),
    ).toEqual({ ok: false, lineNo: 1, requested: 2, returnable: 1 });
  });
});
