// The pure invariant checks: run over the whole system by apps/reconcile, one order at a time by the end-to-end tests.
export { formatMismatch } from './mismatch';
export type { Mismatch, MismatchIds } from './mismatch';
export type * from './records';
export { exposureMismatches, revenueMismatches } from './invariants/customer-invariants';
export { documentMismatches } from './invariants/document-invariants';
export { messagingMismatches } from './invariants/messaging-invariants';
export type { MessagingRules } from './invariants/messaging-invariants';
export { orderMismatches } from './invariants/order-invariants';
export type { OrderEvidence } from './invariants/order-invariants';
export { stockMismatches } from './invariants/stock-invariants';
export { formatSummary, reconcile } from './invariants/system-invariants';
export type { CheckedCounts, Reconciliation, SystemSnapshot } from './invariants/system-invariants';
