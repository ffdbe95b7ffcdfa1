import type { Role } from '@tradeflow/platform';

/** Customer records and account activity carry PII and credit terms: read by those who manage or check accounts, not the warehouse. */
export const ACCOUNT_READERS: readonly Role[] = ['credit', 'finance', 'ops', 'auditor'];
