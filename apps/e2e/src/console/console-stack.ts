import { eventually, freePorts, TraceReceiver } from '@tradeflow/testing';
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Slice, SliceService } from '../slice';
import { startSlice } from '../slice';

const ROOT = join(__dirname, '../../../..');

export interface ConsoleStack {
  slice: Slice;
  consoleUrl: string;
  issuerUrl: string;
  /** One service started again with extra settings, and the console with its new URL (sessions end). */
  restart(service: SliceService, env: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/** A child process that must answer `ready` before the stack goes on; its output is kept for failures. */
async function startProgram(name: string, args: string[], env: Record<string, string>, ready: () => Promise<boolean>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--require', '@swc-node/register', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
        return ready().catch(() => false);
      },
      (isReady) => isReady,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${name} did not start: ${(error as Error).message}\n${output}`);
  }
  return child;
}

async function stopProgram(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/**
 * The five services, a development OpenID provider that knows this console's callback, a trace
 * receiver the services export to, and the console itself (its UI built first, as in CI).
 * The test process's OIDC_ISSUER_URL is pointed at this provider so devAuthorization() tokens are
 * ones the services accept; stop() puts it back.
 */
export async function startConsoleStack(overrides: Partial<Record<SliceService, Record<string, string>>> = {}): Promise<ConsoleStack> {
  const [issuerPort, consolePort] = await freePorts(2);
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const state = mkdtempSync(join(tmpdir(), 'tradeflow-console-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/console/vite.config.mjs', '--logLevel', 'error'], { cwd: ROOT });

  // Whatever started is stopped again if a later part fails, so a failed start leaves nothing running.
  const started: (() => Promise<void>)[] = [];
  const stopStarted = async () => {
    for (const stop of started.reverse()) await stop();
  };
  const previousIssuer = process.env.OIDC_ISSUER_URL;
  try {
    const issuer = await startProgram(
      'OpenID provider',
      [join(ROOT, 'libs/testing/src/oidc/dev-issuer.ts'), String(issuerPort), join(state, 'signing-key.json')],
      { DEV_CONSOLE_REDIRECT_URIS: `${consoleUrl}/auth/callback` },
      async () => (await fetch(`${issuerUrl}/.well-known/openid-configuration`)).ok,
    );
    started.push(() => stopProgram(issuer));
    const spans = join(state, 'spans.jsonl');
    const receiver = new TraceReceiver({ file: spans });
    const otlp = await receiver.start();
    started.push(() => receiver.stop());
    process.env.OIDC_ISSUER_URL = issuerUrl;
    started.push(async () => {
      process.env.OIDC_ISSUER_URL = previousIssuer;
    });
    const shared = { OIDC_ISSUER_URL: issuerUrl, OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_BSP_SCHEDULE_DELAY: '500' };
    const services: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];
    const slice = await startSlice(Object.fromEntries(services.map((service) => [service, { ...shared, ...overrides[service] }])));
    started.push(() => slice.stop());

    const startConsole = () =>
      startProgram(
        'console',
        [join(ROOT, 'apps/console/src/server/main.ts')],
        {
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          CONSOLE_PORT: String(consolePort),
          CONSOLE_BASE_URL: consoleUrl,
          OIDC_ISSUER_URL: issuerUrl,
          CONSOLE_CLIENT_ID: 'tradeflow-console',
          CONSOLE_CLIENT_SECRET: 'dev-console-secret',
          CONSOLE_SESSION_SECRET: 'e2e-console-session-secret-0123456789abcdef',
          CONSOLE_ORDER_URL: slice.order.url,
          CONSOLE_INVENTORY_URL: slice.inventory.url,
          CONSOLE_INVOICING_URL: slice.invoicing.url,
          CONSOLE_SHIPPING_URL: slice.shipping.url,
          CONSOLE_CRM_SYNC_URL: slice['crm-sync'].url,
          TRACE_STORE_FILE: spans,
        },
        async () => (await fetch(`${consoleUrl}/health`)).ok,
      );
    let consoleProcess = await startConsole();
    started.push(() => stopProgram(consoleProcess));
    return {
      slice,
      consoleUrl,
      issuerUrl,
      stop: stopStarted,
      async restart(service, env) {
        // A restarted service listens on a new port: the console is started again with it.
        await stopProgram(consoleProcess);
        await slice.restart(service, env);
        consoleProcess = await startConsole();
      },
    };
  } catch (error) {
    await stopStarted();
    throw error;
  }
}
