import { MessagingSettings } from '@tradeflow/messaging';
import { IsOptional, Matches } from 'class-validator';
import { API_SCOPES, KEY_HASHES, KEY_SPECS } from './api-keys/api-scopes';

/** Every setting of the order service, validated at boot (see README "Configuration"). */
export class OrderSettings extends MessagingSettings {
  override PORT: number = 3001;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_ORDER!: string;

  /**
   * API keys created at start if missing, as `channel:key:scope,scope`, several separated by `;`
   * — how the local stack and tests get keys. Only their hashes are stored.
   */
  @IsOptional()
  @Matches(KEY_SPECS, {
    message: `must look like channel:key(16+ chars):scope,scope (scopes: ${API_SCOPES.join(', ')}), several separated by ";"`,
  })
  ORDER_BOOTSTRAP_API_KEY?: string;

  /**
   * Keys revoked at start, as the SHA-256 hex digests of the keys, comma-separated: a revoked key
   * gets 401 from then on, even if the bootstrap setting still names it.
   */
  @IsOptional()
  @Matches(KEY_HASHES, { message: 'must be SHA-256 hex digests of API keys (printf %s "$KEY" | sha256sum), comma-separated' })
  ORDER_REVOKED_API_KEYS?: string;
}
