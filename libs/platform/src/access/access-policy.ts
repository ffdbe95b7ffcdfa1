import type { Partner, Role } from './roles';

/** Who may call a route. Every route declares exactly one (see allow.decorator.ts). */
export type AccessPolicy = OpenPolicy | SignedPolicy | PrincipalPolicy;

/** No credential: health probes. `why` says why the route may stay open. */
export interface OpenPolicy {
  kind: 'open';
  why: string;
}

/** A partner's HMAC-signed webhook; no token. */
export interface SignedPolicy {
  kind: 'signed';
  partner: Partner;
}

export interface PrincipalPolicy {
  kind: 'principal';
  /** Bearer tokens carrying any of these roles pass. */
  roles: readonly Role[];
  /** A channel API key carrying this scope passes too (order service only). */
  channelScope?: string;
  /** Set on actions a person or system takes by hand: the audit trail records each under this name. */
  action?: string;
  /** A person or system (not a sales channel) must say why in the body's `reason` (approvals, releases, replays, cancellations). */
  reasonRequired?: boolean;
  /** The body field that says why, when `reason` already means something else (a dead letter's reason). */
  reasonField?: string;
}

export const ACCESS_POLICY = 'tradeflow:access-policy';
