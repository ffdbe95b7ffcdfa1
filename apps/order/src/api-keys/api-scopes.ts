/**
 * What a key may do: read orders, place and change them (write), approve held orders by hand
 * (approve). The bootstrap setting accepts these only.
 */
export const API_SCOPES = ['orders:read', 'orders:write', 'orders:approve'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const SCOPE = `(?:${API_SCOPES.join('|')})`;
const KEY_SPEC = `[a-z0-9-]+:[A-Za-z0-9_-]{16,}:${SCOPE}(?:,${SCOPE})*`;

/** SHA-256 hex digests of keys (`printf %s "$KEY" | sha256sum`), separated by commas. */
export const KEY_HASHES = /^[0-9a-f]{64}(?:,[0-9a-f]{64})*$/;

/** `channel:key:scope,scope`, several separated by `;`. */
export const KEY_SPECS = new RegExp(`^${KEY_SPEC}(?:;${KEY_SPEC})*$`);
