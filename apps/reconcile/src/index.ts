// The pure invariant checks, for the end-to-end tests that check one order at a time.
export { formatMismatch } from './mismatch';
export type { Mismatch, MismatchIds } from './mismatch';
export type * from './records';
export { documentMismatches } from './invariants/document-invariants';
export { messagingMismatches } from './invariants/messaging-invariants';
export type { MessagingRules } from './invariants/messaging-invariants';
export { orderMismatches } from './invariants/order-invariants';
export type { OrderEvidence } from './invariants/order-invariants';
export { stockMismatches } from './invariants/stock-invariants';
export { formatSummary, reconcile } from './invariants/system-invariants';
export type { CheckedCounts, Reconciliation, SystemSnapshot } from './invariants/system-invariants';
