import { unpaidBalance } from './exposure';

describe('unpaidBalance', () => {
  it('is invoiced − paid − credited', () => {
    expect(unpaidBalance({ invoicedMinor: 5000n, paidMinor: 1190n, creditedMinor: 500n })).toBe(3310n);
  });

  it('never goes below zero: over-payments and credits do not raise the limit', () => {
    expect(unpaidBalance({ invoicedMinor: 1000n, paidMinor: 1200n, creditedMinor: 0n })).toBe(0n);
    expect(unpaidBalance({ invoicedMinor: 1000n, paidMinor: 1000n, creditedMinor: 300n })).toBe(0n);
  });
});
