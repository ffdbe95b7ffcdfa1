import type { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BackoffOptions } from '@tradeflow/platform';
import { backoffDelay } from '@tradeflow/platform';

/**
 * When the broker is away, kafkajs' consumer crashes and restarts itself, by default 200 ms later,
 * again and again, each time with an error in the log. This spaces those restarts with the same
 * backoff as record retries (reset once the consumer has joined its group again), and starts a
 * consumer again that kafkajs gave up on, so the service always comes back once the broker does.
 */
export class ConsumerRestarts {
  private crashes = 0;
  private stopping = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly backoff: BackoffOptions,
    private readonly logger: Logger,
  ) {}

  /** kafkajs' `retry.restartOnFailure`: waits out the backoff, then says whether to restart. */
  readonly beforeRestart = async (error: Error): Promise<boolean> => {
    if (this.stopping) return false;
    const delay = backoffDelay(++this.crashes, this.backoff);
    this.logger.warn({ msg: 'consumer lost the broker; restarting it after a pause', restarts: this.crashes, retryInMs: delay, error: error.message });
    await sleep(delay);
    return !this.stopping;
  };

  joined(): void {
    this.crashes = 0;
  }

  /** For a crash kafkajs does not restart from: runs `restart` after the backoff, and again if it fails. */
  restartLater(error: unknown, restart: () => Promise<void>): void {
    if (this.stopping) return;
    const delay = backoffDelay(++this.crashes, this.backoff);
    this.logger.error({ msg: 'consumer stopped on an error kafkajs does not retry; starting it again', retryInMs: delay, err: error });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      restart().catch((restartError: unknown) => this.restartLater(restartError, restart));
    }, delay);
  }

  started(): void {
    this.stopping = false;
  }

  stopped(): void {
    this.stopping = true;
    clearTimeout(this.timer);
  }
}
