import { setTimeout as sleep } from 'node:timers/promises';

/** Polls a condition of the bench's own counters; fails naming what it waited for. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string, intervalMs = 20): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}
