import { ServiceSettings } from '@tradeflow/service';
import { IsSecret, Secret } from '@tradeflow/platform';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

const SECRET_MIN_LENGTH = 32;

/** Every setting of the crm-sync service, validated at boot (see README "Configuration"). */
export class CrmSyncSettings extends ServiceSettings {
  override PORT: number = 3005;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_CRM_SYNC!: string;

  /** Shared with the CRM: signs the customer webhooks it sends us. */
  @IsSecret(SECRET_MIN_LENGTH)
  CRM_WEBHOOK_SECRET!: Secret;

  /** During a rotation, the secret being replaced: webhooks signed with either are accepted until this is removed. */
  @IsOptional()
  @IsSecret(SECRET_MIN_LENGTH)
  CRM_WEBHOOK_PREVIOUS_SECRET?: Secret;

  /** How far a webhook's timestamp may lie from our clock, either way; signatures are remembered this long. */
  @IsInt()
  @Min(1)
  @Max(3600)
  CRM_WEBHOOK_TOLERANCE_SECONDS: number = 300;

  /** Where activity is delivered as signed webhooks. Not set (the local default): activity is kept, status KEPT. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  CRM_ACTIVITY_URL?: string;

  /** Signs the activity webhooks; required when CRM_ACTIVITY_URL is set. */
  @ValidateIf((settings: CrmSyncSettings) => settings.CRM_ACTIVITY_URL !== undefined || settings.CRM_ACTIVITY_SECRET !== undefined)
  @IsSecret(SECRET_MIN_LENGTH)
  CRM_ACTIVITY_SECRET?: Secret;

  /** Delivery attempts per activity before it is DEAD (retryable by API). */
  @IsInt()
  @Min(1)
  @Max(100)
  CRM_ACTIVITY_MAX_ATTEMPTS: number = 5;

  /** First retry delay; doubles per attempt (capped at 15 minutes), with jitter. */
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  CRM_ACTIVITY_RETRY_BASE_MS: number = 1000;

  /** How often the delivery worker looks for due activity when it found none. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  CRM_ACTIVITY_POLL_INTERVAL_MS: number = 1000;

  /** Time limit of one delivery request. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  CRM_ACTIVITY_TIMEOUT_MS: number = 10_000;
}
