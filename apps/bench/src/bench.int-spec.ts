import { benchProfile } from './bench-profile';
import { renderReport } from './report/render-report';
import { runBench } from './run-bench';

/**
 * `npm run bench -- --smoke` inside the test run, so the benchmark never rots: every path (codec,
 * the three hop contenders, the whole saga) against the real infrastructure, with tiny windows.
 * Timings are not asserted — only that every event arrived once and nothing failed.
 */
describe('the benchmark, smoke-sized', () => {
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
    expect(report.saga?.placed).toBeGreaterThan(0);
    expect(report.saga?.invoicedOrders).toBe(report.saga?.placed);
    expect(report.saga?.ordersInvoicedTwice).toBe(0);
    expect(renderReport(report)).toContain('## 3. The whole saga');
  }, 300_000);
});
