import { benchProfile } from './bench-profile';
import { renderReport } from './report/render-report';
import { runBench } from './run-bench';

/**
 * `npm run bench -- --smoke` inside the test run, so the benchmark never rots: every path (codec,
 * the three hop contenders, the whole saga, the console's order searches) against the real infrastructure, with tiny windows.
 * Timings are not asserted — only that every event arrived once and nothing failed.
 */
describe('the benchmark, smoke-sized', () => {
  // Two fresh stacks for the saga's load profiles: minutes on a busy 2-core machine.
  it('runs every section and loses no event', async () => {
    const report = await runBench(benchProfile(true), () => undefined);

    expect(report.problems).toEqual([]);
    expect(report.codec?.rows.length).toBeGreaterThan(20);
    expect(report.hop?.map((result) => result.contender)).toEqual(['ceiling', 'peer', 'ours']);
    for (const result of report.hop ?? []) {
      expect(result.distinctOutputs).toBe(result.inputs);
      expect(result.distinctEffects).toBe(result.inputs);
      expect(result.latency.count).toBeGreaterThan(0);
    }
    const ours = report.hop?.find((result) => result.contender === 'ours');
    expect(ours?.effects).toBe(ours?.inputs);
    expect(report.saga?.profiles.map((result) => result.profile)).toEqual(['hot-keys', 'realistic']);
    for (const saga of report.saga?.profiles ?? []) {
      expect(saga.placed).toBeGreaterThan(0);
      expect(saga.invoicedOrders).toBe(saga.placed);
      expect(saga.ordersInvoicedTwice).toBe(0);
      expect(saga.steps.every((step) => step.cost !== undefined)).toBe(true);
    }
    expect(report.orders?.orders).toBe(2000);
    expect(report.orders?.queries).toHaveLength(7);
    for (const query of report.orders?.queries ?? []) {
      expect(query.items).toBeGreaterThan(0);
      expect(query.latency.count).toBeGreaterThan(0);
    }
    const markdown = renderReport(report);
    expect(markdown).toContain('## 3. The whole saga');
    expect(markdown).toContain("## 4. The console's order list at scale");
  }, 600_000);
});
