import 'reflect-metadata';
import { defaultStateDir } from '@tradeflow/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchProfile, parseArguments, SECTIONS } from './bench-profile';
import { stopEverythingOnInterrupt } from './environment/interrupts';
import { renderReport } from './report/render-report';
import { runBench } from './run-bench';

/**
 *   npm run bench                 the full run (codec, hop, saga with both load profiles, orders), writes docs/benchmarks.md
 *   npm run bench -- --smoke      every path with tiny windows; exits 1 if an event was lost or a path failed
 *   npm run bench -- --only=hop   one or more sections (codec, hop, saga, orders)
 * Partial and smoke runs write .tradeflow/bench/<kind>.md instead of the docs.
 */
const ROOT = join(__dirname, '../../..');

async function main(): Promise<number> {
  const { smoke, sections } = parseArguments(process.argv.slice(2));
  const profile = benchProfile(smoke, sections);
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  stopEverythingOnInterrupt(log);
  const report = await runBench(profile, log);
  const markdown = renderReport(report);
  process.stdout.write(`\n${markdown}`);
  const complete = !smoke && sections.length === SECTIONS.length;
  const file = complete ? join(ROOT, 'docs/benchmarks.md') : join(defaultStateDir(), 'bench', `${smoke ? 'smoke' : sections.join('-')}.md`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, markdown);
  log(`written to ${file}`);
  for (const problem of report.problems) log(`PROBLEM ${problem}`);
  return report.problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
