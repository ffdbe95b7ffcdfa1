import type { Logger } from '@nestjs/common';

/**
 * Logs a loop's failures without flooding: the first one, then one summary per interval while it
 * keeps failing, and the recovery. A relay polling every second through an outage would otherwise
 * write a warning per second.
 */
export class FailureLog {
  private failingSince?: Date;
  private count = 0;
  private lastLoggedAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 30_000,
    private readonly what = 'outbox relay',
  ) {}

  failed(error: Error): void {
    this.count += 1;
    this.failingSince ??= new Date();
    if (this.count > 1 && Date.now() - this.lastLoggedAt < this.intervalMs) return;
    this.lastLoggedAt = Date.now();
    const since = this.failingSince.toISOString();
    this.logger.warn({ err: error, msg: `${this.what} failed; it retries on every poll`, failures: this.count, since });
  }

  succeeded(): void {
    if (this.count === 0) return;
    this.logger.log({ msg: `${this.what} works again`, failures: this.count, since: this.failingSince?.toISOString() });
    this.count = 0;
    this.failingSince = undefined;
  }

  /** When the loop has been failing since, or undefined while it works. */
  get since(): Date | undefined {
    return this.failingSince;
  }
}
