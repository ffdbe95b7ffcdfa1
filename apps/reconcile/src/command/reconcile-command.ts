import { setTimeout as sleep } from 'node:timers/promises';
import type { Reconciliation } from '@tradeflow/reconciliation';
import { formatMismatch, formatSummary, reconcile } from '@tradeflow/reconciliation';
import { ServiceReadError } from '../reader/service-client';
import { readSystem } from '../reader/system-reader';
import type { ReconcileOptions } from './reconcile-options';
import { parseOptions, UsageError, USAGE } from './reconcile-options';

export const EXIT = { clean: 0, mismatches: 1, unreadable: 2 } as const;
const SETTLE_INTERVAL_MS = 2_000;

export interface Output {
  /** Mismatches and the summary (stdout). */
  print(line: string): void;
  /** Progress and errors (stderr). */
  warn(line: string): void;
}

const console_: Output = { print: (line) => console.log(line), warn: (line) => console.error(line) };

/**
 * The bearer token every read sends: the one given, else a development token of client admin from
 * the local issuer (the local stack, tests). Asked for each read: a development token is renewed
 * before it expires, however long the settle time.
 */
async function tokenOf(options: ReconcileOptions): Promise<string> {
  if (options.token) return options.token;
  try {
    // Loaded only here: a production run, which gives its token, needs nothing of the local stack.
    // eslint-disable-next-line no-restricted-syntax -- the local stack's fallback, never reached with --token; the image has no libs/testing
    const { devAccessToken } = await import('@tradeflow/testing');
    return await devAccessToken('admin', options.devIssuerUrl);
  } catch (error) {
    throw new UsageError(
      `no token: give --token or RECONCILE_TOKEN (a token with the role auditor); no development token from ${options.devIssuerUrl} either (${(error as Error).message})`,
    );
  }
}

/**
 * Reads and checks until clean or the settle time is over: a mismatch seen while events are still
 * on their way heals by itself; one that lasts is reported.
 */
async function settle(options: ReconcileOptions, output: Output): Promise<Reconciliation> {
  const deadline = Date.now() + options.settleSeconds * 1000;
  const check = async () => reconcile(await readSystem(options.urls, await tokenOf(options)), { outboxGraceSeconds: options.outboxGraceSeconds });
  let result = await check();
  while (result.mismatches.length > 0 && Date.now() + SETTLE_INTERVAL_MS <= deadline) {
    output.warn(`reconcile: ${result.mismatches.length} mismatch(es); reading again in case events are still on their way`);
    await sleep(SETTLE_INTERVAL_MS);
    result = await check();
  }
  return result;
}

/** `npm run reconcile`; returns the exit code, so tests can run it in-process too. */
export async function runReconcile(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, output: Output = console_): Promise<number> {
  try {
    const options = parseOptions(argv, env);
    if (options.help) {
      output.print(USAGE);
      return EXIT.clean;
    }
    const result = await settle(options, output);
    for (const mismatch of result.mismatches) output.print(formatMismatch(mismatch));
    output.print(formatSummary(result, options.skipped));
    return result.mismatches.length === 0 ? EXIT.clean : EXIT.mismatches;
  } catch (error) {
    if (error instanceof UsageError) output.warn(`reconcile: ${error.message}\n\n${USAGE}`);
    else if (error instanceof ServiceReadError) output.warn(`reconcile: cannot read ${error.message}`);
    else output.warn(`reconcile: failed: ${(error as Error).stack ?? String(error)}`);
    return EXIT.unreadable;
  }
}
