import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isConflict, isTransient } from './transient-errors';

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
    expect(isTransient(new Error('the database system is shutting down'))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }))).toBe(true);
    expect(isTransient(new QueryRunnerAlreadyReleasedError())).toBe(true);
    // Errors from Node internals may come from another realm (Jest): recognised by shape, not class.
    expect(isTransient({ name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' })).toBe(true);
  });

  it('treats constraint violations and handler bugs as permanent', () => {
    expect(isTransient(withCode('23505'))).toBe(false);
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'sku')"))).toBe(false);
    expect(isTransient('not an error')).toBe(false);
  });

  it('tells deadlocks and serialization conflicts (run again at once) from other transient failures', () => {
    expect(isConflict(withCode('40P01'))).toBe(true);
    expect(isConflict(withCode('40001'))).toBe(true);
    expect(isConflict(withCode('08006'))).toBe(false);
    expect(isConflict(withCode('23505'))).toBe(false);
    expect(isConflict(undefined)).toBe(false);
  });
});
