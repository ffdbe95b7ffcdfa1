import type { PriceList } from './price-list';
import { priceQuantities } from './price-list';

const list: PriceList = {
  orderId: 'O-1',
  customerId: 'CUST-1',
  currency: 'EUR',
  lines: [
    { lineNo: 1, sku: 'MUG', unitPriceMinor: 1299, taxRateBp: 1900 },
    { lineNo: 2, sku: 'TEA', unitPriceMinor: 450, taxRateBp: 700 },
  ],
};

describe('priceQuantities', () => {
  it('puts the order prices on the quantities, in line order', () => {
    expect(
      priceQuantities(list, [
        { lineNo: 2, sku: 'TEA', quantity: 1 },
        { lineNo: 1, sku: 'MUG', quantity: 3 },
      ]),
    ).toEqual({
      priced: true,
      customerId: 'CUST-1',
      currency: 'EUR',
      lines: [
        { lineNo: 1, sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 },
        { lineNo: 2, sku: 'TEA', quantity: 1, unitPriceMinor: 450, taxRateBp: 700 },
      ],
    });
  });

  it('adds up a line that comes from two warehouses', () => {
    const pricing = priceQuantities(list, [
      { lineNo: 1, sku: 'MUG', quantity: 1 },
      { lineNo: 1, sku: 'MUG', quantity: 2 },
    ]);
    expect(pricing.priced && pricing.lines).toEqual([{ lineNo: 1, sku: 'MUG', quantity: 3, unitPriceMinor: 1299, taxRateBp: 1900 }]);
  });

  it('waits while the order is not known', () => {
    const unknown: PriceList = { orderId: 'O-1', customerId: null, currency: null, lines: [] };
    expect(priceQuantities(unknown, [{ lineNo: 1, sku: 'MUG', quantity: 1 }])).toEqual({ priced: false, waitingFor: 'order O-1' });
  });

  it('waits for a line the known prices do not have yet', () => {
    expect(priceQuantities(list, [{ lineNo: 3, sku: 'CUP', quantity: 1 }])).toEqual({
      priced: false,
      waitingFor: 'line 3 of order O-1',
    });
  });
});
