import { ServiceSettings } from '@tradeflow/service';
import { Matches } from 'class-validator';

/** The hop service's settings: the defaults every service has, and its database. */
export class OursSettings extends ServiceSettings {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_BENCH!: string;
}
