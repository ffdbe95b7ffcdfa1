/** Why an order waits (OrderHeld.reason). */
export const HOLD_REASONS = ['UNKNOWN_CUSTOMER', 'ACCOUNT_HOLD', 'CREDIT_LIMIT_EXCEEDED'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
