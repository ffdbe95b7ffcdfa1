import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { ChaosStack } from '../stack/chaos-stack';

const ROOT = join(__dirname, '../../../..');

export interface ReconcileRun {
  exitCode: number;
  /** Its stdout: one line per mismatch, then the summary. */
  lines: string[];
}

/**
 * `npm run reconcile` exactly as an operator runs it locally, against this run's services: with the
 * development 'admin' client's token, its default when OIDC_ISSUER_URL names the development provider.
 */
export function runReconcile(stack: ChaosStack, oidcIssuerUrl: string): Promise<ReconcileRun> {
  const args = [
    '--require', '@swc-node/register', join(ROOT, 'apps/reconcile/src/main.ts'),
    '--order-url', stack.order.url,
    '--inventory-url', stack.inventory.url,
    '--invoicing-url', stack.invoicing.url,
    '--shipping-url', stack.shipping.url,
    '--crm-sync-url', stack['crm-sync'].url,
    '--settle', '30',
  ];
  return new Promise((resolve) => {
    const env = { ...process.env, OIDC_ISSUER_URL: oidcIssuerUrl };
    execFile(process.execPath, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      const lines = stdout.trim().split('\n').filter(Boolean);
      if (exitCode === 2) lines.push(...stderr.trim().split('\n').slice(-5));
      resolve({ exitCode, lines });
    });
  });
}
