import { MessagingSettings } from '@tradeflow/messaging';
import { IsOptional, Matches } from 'class-validator';

/** Every setting of the order service, validated at boot (see README "Configuration"). */
export class OrderSettings extends MessagingSettings {
  override PORT: number = 3001;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_ORDER!: string;

  /**
   * An API key created at start if missing, as `channel:key:scope,scope` — how the local stack
   * gets a development key. Only its hash is stored.
   */
  @IsOptional()
  @Matches(/^[a-z0-9-]+:[A-Za-z0-9_-]{16,}:[a-z:,]+$/, { message: 'must look like channel:key(16+ chars):scope,scope' })
  ORDER_BOOTSTRAP_API_KEY?: string;
}
