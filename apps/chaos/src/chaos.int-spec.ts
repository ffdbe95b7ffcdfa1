import { SHORT } from './chaos-profile';
import { formatResult } from './report/chaos-result';
import { runChaos } from './run-chaos';

/**
 * The short chaos run (`npm run chaos -- --short`) in CI: its own Kafka and Postgres (it restarts
 * them), the five services as processes, a minute of orders while services are SIGKILLed and Kafka
 * and Postgres restart. Figures are printed; only the promises are asserted, never timings.
 */
describe('chaos (short run)', () => {
  it('loses nothing, duplicates nothing and reconciles clean after kills and restarts', async () => {
    const result = await runChaos(SHORT, (line) => process.stderr.write(`[chaos] ${line}\n`));
    process.stderr.write(`${formatResult(result)}\n`);

    expect(result.violations).toEqual([]);
    expect(result.orders).toBeGreaterThan(0);
    expect(result.kills).toBeGreaterThan(0);
    expect(result.brokerRestarts).toBeGreaterThanOrEqual(1);
    expect(result.postgresRestarts).toBeGreaterThanOrEqual(1);
    expect(result.lost).toBe(0);
    expect(result.duplicatedEffects).toBe(0);
    expect(result.deadLetters).toBe(0);
    expect(result.reconcile.exitCode).toBe(0);
    expect(result.drainSeconds).toBeDefined();
  }, 15 * 60_000);
});
