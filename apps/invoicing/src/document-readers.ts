import type { Role } from '@tradeflow/platform';

/** Who may read invoices and credit notes: what customers owe is not the warehouse's business. */
export const DOCUMENT_READERS: readonly Role[] = ['finance', 'credit', 'ops', 'auditor'];
