import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../http/webhook-signature';
import { timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer | undefined;
}

export interface VerificationPolicy {
  /** The partner's active secrets: the current one, and during a rotation the previous one too. */
  secrets: readonly string[];
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
 * bytes received, compared in constant time with each active secret. The returned signature (lower-case) is what replay
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
  if (!request.body) return invalid('no body to verify: send it as application/json');

  const received = Buffer.from(given[1], 'hex');
  const body = request.body;
  const matches = policy.secrets.some((secret) =>
    timingSafeEqual(Buffer.from(signWebhook(secret, timestamp, body).slice('sha256='.length), 'hex'), received),
  );
  if (!matches) return invalid('signature does not match');
  return { valid: true, timestamp, signature: given[1].toLowerCase() };
}
