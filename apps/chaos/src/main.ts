import 'reflect-metadata';
import { profileFromArguments } from './chaos-profile';
import { formatResult } from './report/chaos-result';
import { runChaos } from './run-chaos';

/**
 *   npm run chaos                       the full run (≥ 20 min, ≥ 20k orders)
 *   npm run chaos -- --short            about two minutes of load and faults (CI runs it through jest)
 *   npm run chaos -- --minutes 5 --rate 8   a medium run (--kill-every <s> changes the kill interval)
 * Exits 1 on any violation.
 */
// Ctrl-C or kill: exit normally, so the exit hooks stop the services and servers this run started.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

async function main(): Promise<number> {
  const profile = profileFromArguments(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[chaos ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
  const result = await runChaos(profile, log);
  process.stdout.write(`${formatResult(result)}\n`);
  return result.violations.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
