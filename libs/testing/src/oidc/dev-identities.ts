import type { Role } from '@tradeflow/platform';

/**
 * Who exists in the development OpenID provider (never in production: there the issuer is the
 * company's own, e.g. Keycloak). Each person's role is also an OAuth2 client of the same name for
 * the client-credentials grant, so scripts and tests get tokens without a browser.
 */
export const DEV_AUDIENCE = 'urn:tradeflow:api';

export type DevClient = 'warehouse' | 'finance' | 'credit' | 'ops' | 'auditor' | 'erp' | 'admin' | 'shop' | 'nobody';

export const DEV_CLIENT_ROLES: Record<DevClient, Role[]> = {
  warehouse: ['warehouse'],
  finance: ['finance'],
  credit: ['credit'],
  ops: ['ops'],
  auditor: ['auditor'],
  /** The ERP that loads the product master. */
  erp: ['catalogue'],
  /** Every person's role: the local tools (reconcile, chaos, bench) act as all of them. */
  admin: ['warehouse', 'finance', 'credit', 'ops', 'auditor', 'catalogue'],
  /** A sales channel's OAuth2 client (reads availability). */
  shop: ['channel'],
  /** Valid tokens, no role: what a 403 looks like. */
  nobody: [],
};

export const DEV_CLIENTS = Object.keys(DEV_CLIENT_ROLES) as DevClient[];

/** Development only, and the issuer listens on 127.0.0.1: a known secret per client is the point. */
export function devClientSecret(client: DevClient): string {
  return `dev-${client}-secret`;
}

/** The people of the login page (user name = password = the role, or admin): the console logs in as them. */
export const DEV_PEOPLE: Record<string, { name: string; roles: Role[] }> = {
  warehouse: { name: 'Wanda Warehouse', roles: ['warehouse'] },
  finance: { name: 'Fin Finance', roles: ['finance'] },
  credit: { name: 'Cred Control', roles: ['credit'] },
  ops: { name: 'Oli Operations', roles: ['ops'] },
  auditor: { name: 'Audrey Auditor', roles: ['auditor'] },
  admin: { name: 'Ada Admin', roles: ['warehouse', 'finance', 'credit', 'ops', 'auditor', 'catalogue'] },
};
