import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceSettings } from '@tradeflow/service';

/**
 * Settings of the test-fixture service: the library's own, its database, and a handler delay. It
 * stands in for the order service (its events, its log lines), so its database is DATABASE_URL_ORDER.
 */
export class FixtureSettings extends ServiceSettings {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL_ORDER!: string;

  /** Time the handler takes per event, so a test can stop a replica in the middle of a batch. */
  @IsInt()
  @Min(0)
  @Max(10_000)
  FIXTURE_HANDLER_DELAY_MS: number = 0;

  /** Recorded with each effect, so a test with two replicas sees which one applied what. */
  @IsString()
  FIXTURE_REPLICA: string = '';
}
