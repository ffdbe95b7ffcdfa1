import { assertInvoiceableValue } from './invoiceable-value';
import { OrderRuleViolation } from './order-rule-violation';

describe('assertInvoiceableValue', () => {
  it('accepts an order whose gross value is at most 2^53 - 1 minor units', () => {
    // 9007199254740991 = 3 × 3002399751580330 + 1 (net, no tax)
    expect(() => assertInvoiceableValue([{ quantity: 3, unitPriceMinor: 3_002_399_751_580_330, taxRateBp: 0 }])).not.toThrow();
    expect(() => assertInvoiceableValue([{ quantity: 100_000, unitPriceMinor: 1_000_000, taxRateBp: 10_000 }])).not.toThrow();
  });

  it('refuses (422) an order whose tax or whose lines together go beyond it', () => {
    const line = { quantity: 1, unitPriceMinor: 5_000_000_000_000_000, taxRateBp: 0 };
    expect(() => assertInvoiceableValue([line, line])).toThrow(OrderRuleViolation);
    expect(() => assertInvoiceableValue([{ ...line, taxRateBp: 10_000 }])).toThrow(/at most 9007199254740991/);
    expect(() => assertInvoiceableValue([{ quantity: 100_000, unitPriceMinor: 1_000_000_000_000, taxRateBp: 0 }])).toThrow(OrderRuleViolation);
  });
});
