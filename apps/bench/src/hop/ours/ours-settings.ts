import { MessagingSettings } from '@tradeflow/messaging';
import { Matches } from 'class-validator';

/** The hop service's settings: the messaging defaults every service has, and its database. */
export class OursSettings extends MessagingSettings {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_BENCH!: string;
}
