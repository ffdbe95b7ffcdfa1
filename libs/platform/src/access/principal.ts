import type { Request } from 'express';
import type { Role } from './roles';

/** Who is calling, as the access guard established it. */
export interface Principal {
  /** The token's `sub`, the channel of an API key, or the partner of a signed webhook. */
  subject: string;
  /** The OAuth2 client (`azp`/`client_id`) the token was issued to; for keys and webhooks the same as the subject. */
  client: string;
  roles: Role[];
  /** Set for a sales channel (API key, or a token with the `channel` role): it sees only its own orders. */
  channel?: string;
  via: 'bearer' | 'api-key' | 'signature';
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}
