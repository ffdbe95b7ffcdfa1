/** The id range an order-id prefix covers: the console's search box takes the first characters of an id. */
export interface IdRange {
  from: string;
  to: string;
}

const UUID_LENGTH = 36;
const HYPHENS = new Set([8, 13, 18, 23]);

/** A prefix of a UUID as written (hex digits, hyphens where a UUID has them), or undefined. */
export function idPrefixRange(prefix: string): IdRange | undefined {
  const text = prefix.toLowerCase();
  if (text.length === 0 || text.length > UUID_LENGTH) return undefined;
  for (let index = 0; index < text.length; index++) {
    const expected = HYPHENS.has(index) ? /-/ : /[0-9a-f]/;
    if (!expected.test(text[index])) return undefined;
  }
  const digits = text.replaceAll('-', '');
  return { from: asUuid(digits.padEnd(32, '0')), to: asUuid(digits.padEnd(32, 'f')) };
}

function asUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
