import { formatDocumentNumber } from './document-number';

describe('formatDocumentNumber', () => {
  it('pads the sequence to six digits behind the prefix of the kind', () => {
    expect(formatDocumentNumber('invoice', 1)).toBe('INV-000001');
    expect(formatDocumentNumber('credit-note', 42)).toBe('CN-000042');
  });

  it('grows past six digits instead of wrapping', () => {
    expect(formatDocumentNumber('invoice', 1_234_567)).toBe('INV-1234567');
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatDocumentNumber('invoice', 0)).toThrow(RangeError);
    expect(() => formatDocumentNumber('invoice', 1.5)).toThrow(RangeError);
  });
});
