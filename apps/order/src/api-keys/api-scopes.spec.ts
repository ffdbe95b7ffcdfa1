import { KEY_HASHES, KEY_SPECS } from './api-scopes';

describe('API key settings', () => {
  it('ORDER_REVOKED_API_KEYS takes SHA-256 hex digests only, never a key', () => {
    const digest = 'a'.repeat(64);
    expect(KEY_HASHES.test(digest)).toBe(true);
    expect(KEY_HASHES.test(`${digest},${'0'.repeat(64)}`)).toBe(true);
    expect(KEY_HASHES.test('tf_live_0123456789abcdef')).toBe(false);
    expect(KEY_HASHES.test(`${digest},`)).toBe(false);
  });

  it('ORDER_BOOTSTRAP_API_KEY takes channel:key:scopes, several separated by ";"', () => {
    expect(KEY_SPECS.test('shop:tf_test_0123456789abcdef:orders:write,orders:read;desk:tf_desk_0123456789abcd:orders:approve')).toBe(true);
    expect(KEY_SPECS.test('shop:short:orders:read')).toBe(false);
  });
});
