import { isTransient } from './transient-errors';

function withCode(code: string): Error {
  return Object.assign(new Error('failed'), { code });
}

describe('isTransient', () => {
  it('treats database outages, restarts and deadlocks as transient', () => {
    expect(isTransient(withCode('08006'))).toBe(true);
    expect(isTransient(withCode('57P01'))).toBe(true);
    expect(isTransient(withCode('40P01'))).toBe(true);
    expect(isTransient(withCode('ECONNREFUSED'))).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('treats constraint violations and handler bugs as permanent', () => {
    expect(isTransient(withCode('23505'))).toBe(false);
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'sku')"))).toBe(false);
    expect(isTransient('not an error')).toBe(false);
  });
});
