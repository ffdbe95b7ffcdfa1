import { ServiceSettings } from '@tradeflow/service';
import { IsSecret, Secret } from '@tradeflow/platform';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const SECRET_MIN_LENGTH = 32;

/** Every setting of the invoicing service, validated at boot (see README "Configuration"). */
export class InvoicingSettings extends ServiceSettings {
  override PORT: number = 3003;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_INVOICING!: string;

  /** Days from the issue date to the due date of an invoice whose customer's payment terms invoicing does not know yet. */
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  INVOICE_PAYMENT_TERMS_DAYS: number = 30;

  /** Shared with the payment provider: signs the payment webhooks it sends us. */
  @IsSecret(SECRET_MIN_LENGTH)
  PAYMENT_PROVIDER_WEBHOOK_SECRET!: Secret;

  /** The secret being replaced, accepted too while the provider switches over; unset once it has. */
  @IsOptional()
  @IsSecret(SECRET_MIN_LENGTH)
  PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET?: Secret;

  /** How far a webhook's timestamp may lie from our clock, either way; signatures are remembered this long. */
  @IsInt()
  @Min(1)
  @Max(3600)
  PAYMENT_PROVIDER_WEBHOOK_TOLERANCE_SECONDS: number = 300;
}
