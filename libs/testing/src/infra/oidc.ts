import { join } from 'node:path';
import { componentDir } from './layout';
import { LOCALHOST } from './ports';
import { startProcess, waitUntilReady, type RunningProcess } from './process';

export interface IssuerOptions {
  stateDir: string;
  port: number;
  detached: boolean;
}

const ISSUER_PROGRAM = join(__dirname, '../oidc/dev-issuer.ts');
const REPOSITORY_ROOT = join(__dirname, '../../../..');

/** The development OpenID provider (libs/testing/src/oidc/dev-issuer.ts), its signing key kept in the state dir. */
export async function startIssuer(options: IssuerOptions): Promise<{ process: RunningProcess; issuerUrl: string }> {
  const issuerUrl = `http://${LOCALHOST}:${options.port}`;
  const running = startProcess({
    name: 'oidc',
    command: process.execPath,
    args: ['--require', '@swc-node/register', ISSUER_PROGRAM, String(options.port), join(componentDir(options.stateDir, 'oidc'), 'signing-key.json')],
    stateDir: options.stateDir,
    env: { TS_NODE_PROJECT: join(REPOSITORY_ROOT, 'tsconfig.json'), NODE_PATH: join(REPOSITORY_ROOT, 'node_modules') },
    detached: options.detached,
  });
  const isReady = async () => (await fetch(`${issuerUrl}/.well-known/openid-configuration`)).ok;
  await waitUntilReady(running, isReady, 30_000);
  return { process: running, issuerUrl };
}
