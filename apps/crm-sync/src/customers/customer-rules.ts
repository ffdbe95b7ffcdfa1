/** The CRM's customer ids, as orders name them. */
export const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const CUSTOMER_ID_MESSAGE = 'must be 1-64 letters, digits, ".", "_" or "-"';

export const CRM_STATUSES = ['ACTIVE', 'ON_HOLD'] as const;
export type CrmStatus = (typeof CRM_STATUSES)[number];
export type HoldSource = 'crm' | 'api';

/** Email as compared for duplicates: trimmed, lower-case; blank is no email. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const normalised = email?.trim().toLowerCase() ?? '';
  return normalised === '' ? null : normalised;
}

/** Tax id as compared for duplicates: upper-case letters and digits only ("de 123.456-789" → "DE123456789"). */
export function normaliseTaxId(taxId: string | null | undefined): string | null {
  const normalised = (taxId ?? '').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  return normalised === '' ? null : normalised;
}

export type UpdateDecision = 'apply' | 'stale' | 'repeat';

/**
 * Webhooks may arrive out of order: only a newer `updatedAt` than the stored one changes the
 * customer. The same `updatedAt` again is a repeat of what was applied (a CRM retry).
 */
export function decideUpdate(storedUpdatedAtMs: number | null, incomingUpdatedAtMs: number): UpdateDecision {
  if (storedUpdatedAtMs === null || incomingUpdatedAtMs > storedUpdatedAtMs) return 'apply';
  return incomingUpdatedAtMs === storedUpdatedAtMs ? 'repeat' : 'stale';
}

export interface MatchKeys {
  customerId: string;
  emailNormalised: string | null;
  taxIdNormalised: string | null;
}

export interface DuplicateMatch {
  customerId: string;
  matchedOn: 'email' | 'taxId';
}

/** Other customers sharing the normalised email or tax id (email named first when both match). */
export function findDuplicates(customer: MatchKeys, others: readonly MatchKeys[]): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (const other of others) {
    if (other.customerId === customer.customerId) continue;
    if (customer.emailNormalised !== null && other.emailNormalised === customer.emailNormalised) {
      matches.push({ customerId: other.customerId, matchedOn: 'email' });
    } else if (customer.taxIdNormalised !== null && other.taxIdNormalised === customer.taxIdNormalised) {
      matches.push({ customerId: other.customerId, matchedOn: 'taxId' });
    }
  }
  return matches.sort((a, b) => a.customerId.localeCompare(b.customerId));
}

export interface HoldState {
  onHold: boolean;
  source: HoldSource | null;
}

export type HoldChange = 'place' | 'release' | 'none';

/**
 * What a CRM status change does to the account hold. Only changes count: the CRM putting the
 * account ON_HOLD places a hold (unless one is in place); the CRM making it ACTIVE again releases
 * a hold the CRM placed, never one placed through the API.
 */
export function crmHoldChange(previous: CrmStatus | null, next: CrmStatus, hold: HoldState): HoldChange {
  if (previous === next) return 'none';
  if (next === 'ON_HOLD') return hold.onHold ? 'none' : 'place';
  return previous === 'ON_HOLD' && hold.onHold && hold.source === 'crm' ? 'release' : 'none';
}
