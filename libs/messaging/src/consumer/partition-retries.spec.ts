import { PartitionRetries } from './partition-retries';

describe('PartitionRetries', () => {
  const source = { topic: 't', partition: 0, offset: '5' };
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('counts non-transient attempts per stuck record and starts again on another record', () => {
    const retries = new PartitionRetries({ initialMs: 100, maxMs: 1000 }, () => 1);
    retries.recordFailure(source, new Error('db down'), false);
    retries.recordFailure(source, new TypeError('bug'), true);
    expect(retries.attemptsOf(source)).toBe(1);
    expect(retries.status()).toEqual([
      expect.objectContaining({ offset: '5', attempts: 1, failures: 2, lastError: 'TypeError: bug' }),
    ]);
    retries.recordFailure({ ...source, offset: '6' }, new TypeError('bug'), true);
    expect(retries.attemptsOf(source)).toBe(0);
    expect(retries.attemptsOf({ ...source, offset: '6' })).toBe(1);
  });

  it('resumes after a delay growing with the failures, and not after cancelAll', () => {
    const retries = new PartitionRetries({ initialMs: 100, maxMs: 1000 }, () => 1);
    const resume = jest.fn();
    retries.recordFailure(source, new Error('down'), false);
    expect(retries.scheduleResume(source, resume)).toBe(100);
    jest.advanceTimersByTime(99);
    expect(resume).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(resume).toHaveBeenCalledTimes(1);

    retries.recordFailure(source, new Error('down'), false);
    expect(retries.scheduleResume(source, resume)).toBe(200);
    retries.cancelAll();
    jest.advanceTimersByTime(1000);
    expect(resume).toHaveBeenCalledTimes(1);
  });

  it('forgets a partition once it got past its record, or once another replica owns it', () => {
    const retries = new PartitionRetries({ initialMs: 100, maxMs: 1000 });
    retries.recordFailure(source, new Error('x'), true);
    retries.forget('t', 0);
    expect(retries.status()).toEqual([]);
    retries.recordFailure(source, new Error('x'), true);
    retries.keepOnly({ t: [0, 2] });
    expect(retries.status()).toHaveLength(1);
    retries.keepOnly({ t: [1] });
    expect(retries.status()).toEqual([]);
  });
});
