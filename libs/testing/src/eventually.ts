/**
 * Polls `probe` until it returns a value `accept` agrees with. Asynchronous flows settle in their
 * own time; tests wait for the state a user would see instead of sleeping.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const seen = lastError ? String(lastError) : JSON.stringify(last);
  throw new Error(`condition not reached within ${timeoutMs} ms; last seen: ${seen}`);
}
