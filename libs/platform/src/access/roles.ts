/**
 * The roles a bearer token may carry (docs/design.md#security). People and other systems get them from the
 * OpenID provider; `channel` is a sales channel's OAuth2 client, which also names its channel;
 * `catalogue` maintains the product master (the ERP or PIM, product managers).
 */
export const ROLES = ['warehouse', 'finance', 'credit', 'ops', 'auditor', 'catalogue', 'channel'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who may read back-office records: the roles of people who work orders through, and the auditor (not `catalogue`, which keeps products only). */
export const STAFF: readonly Role[] = ['warehouse', 'finance', 'credit', 'ops', 'auditor'];

/** Partners that sign their webhooks (HMAC) instead of presenting a token. */
export type Partner = 'crm' | 'carrier' | 'payment-provider';
