import { setTimeout as sleep } from 'node:timers/promises';
import type { DueWork } from './due-work-poller';
import { DueWorkPoller } from './due-work-poller';

/** A table of due rows in memory: each claim takes up to `batch` of them. */
class Rows implements DueWork<number> {
  readonly due: number[] = [];
  readonly done: number[] = [];
  readonly failures: string[] = [];
  claims = 0;
  failNextClaim = false;
  runMs = 0;

  constructor(private readonly batch = 2) {}

  async claim(): Promise<number[]> {
    this.claims++;
    if (this.failNextClaim) {
      this.failNextClaim = false;
      throw new Error('database away');
    }
    return this.due.splice(0, this.batch);
  }

  async run(row: number): Promise<void> {
    if (this.runMs) await sleep(this.runMs);
    this.done.push(row);
  }

  roundFailed(error: Error): void {
    this.failures.push(error.message);
  }
}

/** Waits (on a busy machine, long) for what the poller does in the background. */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 2) {
    if (waited > 5000) throw new Error('the poller did not get there within 5 s');
    await sleep(2);
  }
}

describe('DueWorkPoller', () => {
  let poller: DueWorkPoller<number> | undefined;
  afterEach(() => poller?.stop());

  it('claims batch after batch until nothing is due, then polls', async () => {
    const rows = new Rows();
    rows.due.push(1, 2, 3, 4, 5);
    poller = new DueWorkPoller(rows, { pollIntervalMs: 20 });
    poller.start();
    await until(() => rows.claims === 4); // three batches and the empty claim that ends the round
    expect(rows.done).toEqual([1, 2, 3, 4, 5]);

    rows.due.push(6);
    await until(() => rows.done.length === 6);
    expect(rows.done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('runs a round at once when woken, and again after the one in progress', async () => {
    const rows = new Rows();
    poller = new DueWorkPoller(rows, { pollIntervalMs: 60_000 });
    poller.start();
    await until(() => rows.claims === 1);
    rows.runMs = 10;
    rows.due.push(1);
    poller.wake();
    await until(() => rows.claims === 2);
    rows.due.push(2); // due after that round's claim: the wake during the round catches it
    poller.wake();
    await until(() => rows.done.length === 2);
    expect(rows.done).toEqual([1, 2]);
  });

  it('wakes itself when a retry falls due', async () => {
    const rows = new Rows();
    poller = new DueWorkPoller(rows, { pollIntervalMs: 60_000 });
    poller.start();
    await until(() => rows.claims === 1);
    rows.due.push(7);
    poller.wakeAfter(10);
    await until(() => rows.done.length === 1);
    expect(rows.done).toEqual([7]);
  });

  it('reports a failed round and tries again after the poll interval', async () => {
    const rows = new Rows();
    rows.failNextClaim = true;
    rows.due.push(1);
    poller = new DueWorkPoller(rows, { pollIntervalMs: 20 });
    poller.start();
    await until(() => rows.failures.length === 1);
    expect(rows.failures).toEqual(['database away']);
    expect(rows.done).toEqual([]);
    await until(() => rows.claims === 3); // the failed claim, the one after the poll interval and the empty one
    expect(rows.done).toEqual([1]);
  });

  it('runs a batch together, or one at a time stopping between rows at shutdown', async () => {
    const together = new Rows(3);
    together.runMs = 20;
    together.due.push(1, 2, 3);
    poller = new DueWorkPoller(together, { pollIntervalMs: 60_000 });
    poller.start();
    await until(() => together.claims === 1);
    await poller.stop();
    expect(together.done).toEqual([1, 2, 3]);

    const inTurn = new Rows(3);
    inTurn.runMs = 20;
    inTurn.due.push(1, 2, 3);
    poller = new DueWorkPoller(inTurn, { pollIntervalMs: 60_000, oneAtATime: true });
    poller.start();
    await until(() => inTurn.claims === 1);
    await poller.stop();
    expect(inTurn.done).toEqual([1]);
  });

  it('does nothing more once stopped', async () => {
    const rows = new Rows();
    poller = new DueWorkPoller(rows, { pollIntervalMs: 10 });
    poller.start();
    await until(() => rows.claims === 1);
    await poller.stop();
    const claims = rows.claims;
    rows.due.push(1);
    poller.wake();
    poller.wakeAfter(1);
    await sleep(30);
    expect(rows.claims).toBe(claims);
    expect(rows.done).toEqual([]);
  });
});
