/** Classic injection strings: quotes, comments, stacked statements, dollar quoting, a sleep that would show. */
export const INJECTIONS = [
  `' OR '1'='1`,
  `'; DROP TABLE orders; --`,
  `1); DELETE FROM api_keys; --`,
  `' UNION SELECT key_hash FROM api_keys --`,
  `$$; TRUNCATE customers CASCADE; $$`,
  `\\'; SELECT pg_sleep(10); --`,
  `"; DROP TABLE "inbox"; --`,
  `Robert'); DROP TABLE customers;--`,
];

/**
 * A string field of a write request and what must happen to an injection string in it: kept as
 * data up to the field's length (read back verbatim), or refused with 400 by the field's rule.
 */
export interface InjectedField {
  path: string;
  /** Free text of at most this many characters; without it the field has a pattern that refuses quotes. */
  storedUpTo?: number;
}

export function expectedStatus(field: InjectedField, value: string): 'stored' | 400 {
  return field.storedUpTo !== undefined && value.length <= field.storedUpTo ? 'stored' : 400;
}

/** A copy of `body` with the value at `path` ("shippingAddress.name", "lines.0.sku") replaced. */
export function withValue<T>(body: T, path: string, value: unknown): T {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy as T;
}

export function valueAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}
