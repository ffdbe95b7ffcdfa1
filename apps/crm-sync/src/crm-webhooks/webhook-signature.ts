import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '@tradeflow/platform';
import { timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer | undefined;
}

export interface VerificationPolicy {
  secret: string;
  toleranceSeconds: number;
  nowMs: number;
}

export type Verification =
  | { valid: true; timestamp: number; signature: string }
  | { valid: false; reason: string };

function invalid(reason: string): Verification {
  return { valid: false, reason };
}

/**
 * Checks a signed request: timestamp within the tolerance either way, signature over exactly the
 * bytes received, compared in constant time. The returned signature (lower-case) is what replay
 * protection remembers. Reasons are safe to return to the caller: they never echo the expected value.
 */
export function verifyWebhook(request: SignedRequest, policy: VerificationPolicy): Verification {
  if (!request.timestamp) return invalid(`missing ${TIMESTAMP_HEADER} header`);
  if (!UNIX_SECONDS.test(request.timestamp)) return invalid(`${TIMESTAMP_HEADER} must be unix seconds`);
  const timestamp = Number(request.timestamp);
  const skewSeconds = policy.nowMs / 1000 - timestamp;
  if (skewSeconds > policy.toleranceSeconds) {
    return invalid(`${TIMESTAMP_HEADER} is more than ${policy.toleranceSeconds} s old`);
  }
  if (-skewSeconds > policy.toleranceSeconds) {
    return invalid(`${TIMESTAMP_HEADER} is more than ${policy.toleranceSeconds} s in the future`);
  }

  if (!request.signature) return invalid(`missing ${SIGNATURE_HEADER} header`);
  const given = SIGNATURE.exec(request.signature.trim());
  if (!given) return invalid(`${SIGNATURE_HEADER} must be sha256=<64 hex digits>`);
  if (!request.body) return invalid('no body to verify: send the customer as application/json');

  const expected = Buffer.from(signWebhook(policy.secret, timestamp, request.body).slice('sha256='.length), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given[1], 'hex'))) return invalid('signature does not match');
  return { valid: true, timestamp, signature: given[1].toLowerCase() };
}
