import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ReportedMismatch {
  check: string;
  ids: Record<string, string>;
  detail: string;
}

export interface ReconcileReport {
  /** 0 clean, 1 mismatches, 2 a service could not be read. */
  exitCode: number;
  mismatches: ReportedMismatch[];
  /** The command's other lines: the summary, or why it could not run. */
  summary: string[];
}

const MISMATCH = /^MISMATCH (\S+)((?: [a-z-]+=\S+)*): (.*)$/;
const REPOSITORY_ROOT = join(__dirname, '../../../../..');

/** `MISMATCH <check> order=… sku=…: <detail>` lines (libs/reconciliation/src/mismatch.ts) back into fields. */
export function parseReconcileOutput(output: string, exitCode: number): ReconcileReport {
  const mismatches: ReportedMismatch[] = [];
  const summary: string[] = [];
  for (const line of output.split('\n').filter((text) => text.trim() !== '')) {
    const match = MISMATCH.exec(line);
    if (!match) {
      summary.push(line);
      continue;
    }
    const ids = Object.fromEntries(match[2].trim().split(' ').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
    mismatches.push({ check: match[1], ids, detail: match[3] });
  }
  return { exitCode, mismatches, summary };
}

/**
 * Runs `npm run reconcile`'s program as a process with the person's token (it reads every service,
 * so it sees what they may see) and reads its report. A process, not a library call: the console
 * imports no other app, and the command stays the one implementation.
 */
export function runReconcile(token: string, urls: Record<string, string>): Promise<ReconcileReport> {
  // The container image holds reconcile compiled (apps/console/Dockerfile); the repository runs its TypeScript.
  const compiled = join(REPOSITORY_ROOT, 'apps/reconcile/src/main.js');
  const program = existsSync(compiled) ? [compiled] : ['--require', '@swc-node/register', join(REPOSITORY_ROOT, 'apps/reconcile/src/main.ts')];
  const args = [...program, '--settle', '0'];
  for (const [service, url] of Object.entries(urls)) args.push(`--${service}-url`, url);
  return new Promise((resolve, reject) => {
    // The token goes by environment, never on a command line other users of the machine can read.
    const child = spawn(process.execPath, args, { cwd: REPOSITORY_ROOT, env: { ...process.env, RECONCILE_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve(parseReconcileOutput(output, code ?? 2)));
  });
}
