/** Events in a batch's first transaction, before the consumer knows how long its events take. */
const FIRST_SIZE = 10;
/** Weight of the latest transaction in the running per-event time. */
const SMOOTHING = 0.3;

/**
 * How many events the next transaction takes, so that each runs for about `targetMs`. A fetched
 * batch (up to CONSUMER_MAX_BYTES_PER_PARTITION) applied in one transaction is cheapest while events
 * are quick; but a backlog on a busy machine makes that transaction minutes long: its locks held
 * all the while (other partitions' batches touching the same aggregates deadlock with it), all of
 * its work lost when it is the one Postgres aborts, and nothing published downstream until it
 * commits. Sized by the time events took lately, a fast consumer still takes whole batches and a
 * slow one commits about every `targetMs`.
 */
export class TransactionSizing {
  private msPerEvent?: number;

  constructor(private readonly targetMs: number) {}

  next(): number {
    if (this.msPerEvent === undefined) return FIRST_SIZE;
    return Math.max(1, Math.floor(this.targetMs / Math.max(this.msPerEvent, 0.001)));
  }

  /** A transaction of `events` committed after `ms`. */
  record(events: number, ms: number): void {
    if (events === 0) return;
    const sample = ms / events;
    this.msPerEvent = this.msPerEvent === undefined ? sample : (1 - SMOOTHING) * this.msPerEvent + SMOOTHING * sample;
  }
}
