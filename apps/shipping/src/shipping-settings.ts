import { ServiceSettings } from '@tradeflow/service';
import { IsSecret, Secret } from '@tradeflow/platform';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';

const SECRET_MIN_LENGTH = 32;

/** Every setting of the shipping service, validated at boot (see README "Configuration"). */
export class ShippingSettings extends ServiceSettings {
  override PORT: number = 3004;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_SHIPPING!: string;

  /** Share (0..1) of label requests the built-in local carrier refuses, to rehearse label failures. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  LOCAL_CARRIER_FAILURE_RATE: number = 0;

  /** Carrier calls per shipment before it becomes LABEL_FAILED (retry-label starts a new round). */
  @IsInt()
  @Min(1)
  @Max(20)
  LABEL_MAX_ATTEMPTS: number = 3;

  /** First retry delay; each further retry doubles it, with jitter, up to LABEL_RETRY_MAX_MS. */
  @IsInt()
  @Min(1)
  @Max(60_000)
  LABEL_RETRY_BASE_MS: number = 500;

  @IsInt()
  @Min(1)
  @Max(3_600_000)
  LABEL_RETRY_MAX_MS: number = 30_000;

  /** How often the label worker looks for due shipments when no notification woke it. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  LABEL_POLL_INTERVAL_MS: number = 1000;

  /** A carrier call taking longer counts as a failed attempt; a claimed shipment is leased for twice this. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  LABEL_TIMEOUT_MS: number = 10_000;

  /** Shared with the carrier: signs the tracking events it posts to /v1/carrier/events. */
  @IsSecret(SECRET_MIN_LENGTH)
  CARRIER_WEBHOOK_SECRET!: Secret;

  /** During a rotation, the secret the carrier may still sign with; unset once it uses the new one. */
  @IsOptional()
  @IsSecret(SECRET_MIN_LENGTH)
  CARRIER_WEBHOOK_PREVIOUS_SECRET?: Secret;

  /** How far an event's timestamp may lie from our clock, either way; signatures are remembered this long. */
  @IsInt()
  @Min(1)
  @Max(3600)
  CARRIER_WEBHOOK_TOLERANCE_SECONDS: number = 300;
}
