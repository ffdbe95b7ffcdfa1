/** What a worker supplies: its claim query and the work done on each claimed row. */
export interface DueWork<T> {
  /**
   * Claims the rows due now and leases them by moving their next attempt past the work's time
   * limit (FOR UPDATE SKIP LOCKED, so replicas share the work); an empty claim ends the round.
   */
  claim(): Promise<T[]>;
  /** Does one claimed row and records what came of it (see afterFailedAttempt); a throw fails the round. */
  run(item: T): Promise<void>;
  /** A round whose claim or run threw: the worker logs it; the next round comes after the poll interval. */
  roundFailed(error: Error): void;
}

export interface DueWorkOptions {
  /** How long to wait after a round found nothing due, unless woken. */
  pollIntervalMs: number;
  /** Runs a claimed batch one row after the other and stops between rows at shutdown, instead of all at once. */
  oneAtATime?: boolean;
}

/**
 * The loop of a worker that does due rows of its table outside any consumer transaction: a round
 * claims and runs batches until nothing is due, then waits for the poll interval or a wake (a
 * NOTIFY, a retry falling due), whichever comes first. A replica that dies mid-round leaves its
 * rows to be taken again once their lease runs out; stop() waits for the round in progress.
 */
export class DueWorkPoller<T> {
  private running = false;
  private waiting?: NodeJS.Timeout;
  private round?: Promise<void>;
  private wakeAgain = false;
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly work: DueWork<T>,
    private readonly options: DueWorkOptions,
  ) {}

  start(): void {
    this.running = true;
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.waiting);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await this.round;
  }

  /** Runs a round now, or right after the one in progress: what woke us may have come after its last claim. */
  wake(): void {
    if (!this.running) return;
    if (this.round) {
      this.wakeAgain = true;
      return;
    }
    clearTimeout(this.waiting);
    this.round = this.drain()
      .catch((error: Error) => this.work.roundFailed(error))
      .finally(() => {
        this.round = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        } else if (this.running) {
          this.waiting = setTimeout(() => this.wake(), this.options.pollIntervalMs);
        }
      });
  }

  /** Wakes the poller when a retry falls due, rather than up to a poll interval later. */
  wakeAfter(delayMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.wake();
    }, delayMs);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private async drain(): Promise<void> {
    while (this.running) {
      const claimed = await this.work.claim();
      if (claimed.length === 0) return;
      if (!this.options.oneAtATime) {
        await Promise.all(claimed.map((item) => this.work.run(item)));
        continue;
      }
      for (const item of claimed) {
        if (!this.running) return; // shutting down: the leases hand the rest to the next start
        await this.work.run(item);
      }
    }
  }
}
