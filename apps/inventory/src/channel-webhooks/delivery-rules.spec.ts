import { afterAttempt, coalesce, subscriptionProblems } from './delivery-rules';

describe('coalesce', () => {
  it('records the first change of a key', () => {
    expect(coalesce(undefined, 1)).toBe('insert');
  });

  it("replaces the key's pending delivery with a newer version, so a burst sends its latest record once", () => {
    expect(coalesce({ version: 1, pending: true }, 2)).toBe('replace');
    expect(coalesce({ version: 2, pending: true }, 7)).toBe('replace');
  });

  it('queues a new delivery once the last one was sent (or given up)', () => {
    expect(coalesce({ version: 1, pending: false }, 2)).toBe('insert');
  });

  it('never replaces with or sends an older or the same version', () => {
    expect(coalesce({ version: 3, pending: true }, 2)).toBe('ignore');
    expect(coalesce({ version: 3, pending: true }, 3)).toBe('ignore');
    expect(coalesce({ version: 3, pending: false }, 2)).toBe('ignore');
    expect(coalesce({ version: 3, pending: false }, 3)).toBe('ignore');
  });
});

describe('afterAttempt', () => {
  const policy = { maxAttempts: 3, initialMs: 100, maxMs: 10_000 };

  it('is delivered by a 2xx, counting the try', () => {
    expect(afterAttempt(true, 0, false, policy)).toEqual({ status: 'DELIVERED', attempts: 1 });
    expect(afterAttempt(true, 2, false, policy)).toEqual({ status: 'DELIVERED', attempts: 3 });
  });

  it('retries with backoff until the last attempt, then is FAILED', () => {
    expect(afterAttempt(false, 0, false, policy, () => 1)).toEqual({ status: 'PENDING', attempts: 1, retryInMs: 100 });
    expect(afterAttempt(false, 1, false, policy, () => 1)).toEqual({ status: 'PENDING', attempts: 2, retryInMs: 200 });
    expect(afterAttempt(false, 2, false, policy)).toEqual({ status: 'FAILED', attempts: 3 });
  });

  it('sends the newer record at once when the one delivered was replaced meanwhile, without counting the try', () => {
    expect(afterAttempt(true, 1, true, policy)).toEqual({ status: 'PENDING', attempts: 1, retryInMs: 0 });
  });

  it("counts a failed try of a replaced record against the key's delivery", () => {
    expect(afterAttempt(false, 0, true, policy, () => 1)).toEqual({ status: 'PENDING', attempts: 1, retryInMs: 100 });
    expect(afterAttempt(false, 2, true, policy)).toEqual({ status: 'FAILED', attempts: 3 });
  });
});

describe('subscriptionProblems', () => {
  it('accepts an absolute http or https URL and known feeds', () => {
    expect(subscriptionProblems('https://shop.example/hooks?tenant=1', ['products'])).toEqual([]);
    expect(subscriptionProblems('http://127.0.0.1:8080/hooks', ['products'])).toEqual([]);
  });

  it('names the url when it is relative, not http(s) or carries credentials', () => {
    const url = { field: 'url', message: 'must be an absolute http or https URL' };
    expect(subscriptionProblems('/hooks', ['products'])).toEqual([url]);
    expect(subscriptionProblems('ftp://shop.example/hooks', ['products'])).toEqual([url]);
    expect(subscriptionProblems('javascript:alert(1)', ['products'])).toEqual([url]);
    expect(subscriptionProblems('https://user:pw@shop.example/hooks', ['products'])).toEqual([
      { field: 'url', message: 'must not contain a user name or password' },
    ]);
  });

  it('names the feeds when none, unknown or repeated, together with a bad url', () => {
    expect(subscriptionProblems('https://shop.example', [])).toEqual([{ field: 'feeds', message: 'must name at least one of products, availability' }]);
    expect(subscriptionProblems('nope', ['stock', 'products', 'products'])).toEqual([
      { field: 'url', message: 'must be an absolute http or https URL' },
      { field: 'feeds', message: 'stock is not a feed (known: products, availability)' },
      { field: 'feeds', message: 'products is named twice' },
    ]);
  });
});
