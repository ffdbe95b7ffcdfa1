import { MessagingSettings } from '@tradeflow/messaging';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** Every setting of the invoicing service, validated at boot (see README "Configuration"). */
export class InvoicingSettings extends MessagingSettings {
  override PORT: number = 3003;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_INVOICING!: string;

  /** Days from the issue date to the due date of every invoice. */
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(365)
  INVOICE_PAYMENT_TERMS_DAYS: number = 30;
}
