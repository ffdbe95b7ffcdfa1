import { TransactionSizing } from './transaction-sizing';

describe('TransactionSizing', () => {
  it('starts small, before anything is known about the events', () => {
    expect(new TransactionSizing(1000).next()).toBe(10);
  });

  it('takes whole batches while events are quick, and about a target of slow ones', () => {
    const sizing = new TransactionSizing(1000);
    sizing.record(10, 2);
    expect(sizing.next()).toBe(5000);

    const slow = new TransactionSizing(1000);
    slow.record(10, 2000);
    expect(slow.next()).toBe(5);
  });

  it('follows a consumer that slows down, smoothing single outliers', () => {
    const sizing = new TransactionSizing(1000);
    sizing.record(100, 100);
    sizing.record(100, 10_000);
    // 0.7 × 1 ms + 0.3 × 100 ms = 30.7 ms per event
    expect(sizing.next()).toBe(32);
    for (let round = 0; round < 20; round++) sizing.record(10, 1000);
    expect(sizing.next()).toBe(10);
  });

  it('never asks for less than one event, however slow they are', () => {
    const sizing = new TransactionSizing(10);
    sizing.record(1, 60_000);
    expect(sizing.next()).toBe(1);
  });
});
