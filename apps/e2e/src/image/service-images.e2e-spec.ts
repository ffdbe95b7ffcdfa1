import { eventually, freePorts } from '@tradeflow/testing';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { TradeflowClient } from '../fulfilment/tradeflow-client';
import type { Launch } from '../service-process';
import type { Slice, SliceService } from '../slice';
import { startSlice } from '../slice';

const ROOT = join(__dirname, '../../../..');
const SERVICES: SliceService[] = ['order', 'inventory', 'shipping', 'invoicing', 'crm-sync'];

/** The part of an OCI runtime config (what umoci unpack writes beside the root filesystem) that starts the process. */
interface RuntimeProcess {
  args: string[];
  env: string[];
  cwd: string;
  user: { uid: number; gid: number };
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });

/**
 * The images as a registry would get them, run: `npm run image` builds every service's OCI archive;
 * umoci unpacks each into a root filesystem and the runtime config the image asks for (entrypoint,
 * environment, working directory, user), and each service starts from it under chroot, as that
 * user, with the image's own Node and node_modules and nothing of the repository, against the test
 * infrastructure. Needs root and buildah, mmdebstrap, skopeo, umoci, docker-registry (.ci/run installs them).
 */
describe('the service images (npm run image), each started from its own filesystem', () => {
  let work: string;
  let printed: string;
  let slice: Slice;
  let tradeflow: TradeflowClient;
  let launches: Map<SliceService, Launch>;
  const sku = `MUG-${randomUUID().slice(0, 8)}`;

  const unpack = (service: SliceService): Launch => {
    const layout = `${join(work, 'layout')}:${service}`;
    run('skopeo', ['copy', `oci-archive:${join(ROOT, '.tradeflow/images', `${service}.oci.tar`)}`, `oci:${layout}`]);
    const bundle = join(work, service);
    run('umoci', ['unpack', '--image', layout, bundle]);
    const { process: image } = JSON.parse(readFileSync(join(bundle, 'config.json'), 'utf8')) as { process: RuntimeProcess };
    return {
      command: 'chroot',
      // chroot starts in /, env -C moves to the image's working directory, then its entrypoint and command.
      args: [`--userspec=${image.user.uid}:${image.user.gid}`, join(bundle, 'rootfs'), '/usr/bin/env', '-C', image.cwd, ...image.args],
      env: Object.fromEntries(image.env.map((variable) => variable.split(/=(.*)/s).slice(0, 2))),
    };
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tradeflow-images-'));
    printed = run('npm', ['run', '--silent', 'image', '--', ...SERVICES]);
    launches = new Map(SERVICES.map((service) => [service, unpack(service)]));
    slice = await startSlice({}, (service) => launches.get(service) as Launch);
    tradeflow = new TradeflowClient(slice);
    await tradeflow.registerCustomer('CUST-1');
    await tradeflow.loadProducts(sku);
  }, 20 * 60_000);
  afterAll(async () => {
    await slice?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints each digest, which is the archive manifest a registry stores', () => {
    for (const service of SERVICES) {
      const digest = readFileSync(join(ROOT, '.tradeflow/images', `${service}.digest`), 'utf8').trim();
      expect(printed).toContain(`${service} ${digest} .tradeflow/images/${service}.oci.tar`);
      const inspected = JSON.parse(run('skopeo', ['inspect', `oci-archive:.tradeflow/images/${service}.oci.tar`])) as { Digest: string };
      expect(inspected.Digest).toBe(digest);
    }
  });

  it('publishes by digest: a registry (Distribution, Debian docker-registry) stores it under the digest printed', async () => {
    const [port] = await freePorts(1);
    const config = join(work, 'registry.yml');
    writeFileSync(config, `version: 0.1\nstorage: { filesystem: { rootdirectory: ${join(work, 'registry')} } }\nhttp: { addr: 127.0.0.1:${port} }\n`);
    const registry = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
    try {
      const url = `http://127.0.0.1:${port}/v2`;
      await eventually(() => fetch(`${url}/`).then((response) => response.status, () => 0), (status) => status === 200);
      const digest = readFileSync(join(ROOT, '.tradeflow/images/order.digest'), 'utf8').trim();
      // The command the README gives for a release.
      run('skopeo', ['copy', '--preserve-digests', '--dest-tls-verify=false', 'oci-archive:.tradeflow/images/order.oci.tar', `docker://127.0.0.1:${port}/tradeflow/order@${digest}`]);
      const manifest = await fetch(`${url}/tradeflow/order/manifests/${digest}`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } });
      expect(manifest.status).toBe(200);
      expect(manifest.headers.get('docker-content-digest')).toBe(digest);
    } finally {
      registry.kill();
    }
  });

  it('runs as the non-root user Kubernetes expects, with tini as PID 1 and Node 24 of its own', () => {
    const order = launches.get('order') as Launch;
    expect(order.args.slice(0, 2)).toEqual(['--userspec=1000:1000', join(work, 'order', 'rootfs')]);
    expect(order.args.slice(-5)).toEqual(['/usr/bin/tini', '--', 'node', '--enable-source-maps', 'main.js']);
    expect(run('chroot', [join(work, 'order', 'rootfs'), '/usr/local/bin/node', '--version']).trim()).toMatch(/^v24\./);
  });

  it("carries the repository's patches of its dependencies, as a checkout has them after npm install", () => {
    const patched = (root: string) => readFileSync(join(root, 'node_modules/kafkajs/src/network/requestQueue/index.js'), 'utf8');
    expect(patched(join(work, 'order', 'rootfs', 'app'))).toBe(patched(ROOT));
    expect(patched(ROOT)).toContain('if (this.pending.length === 0 && scheduleAt <= 0) return');
  });

  it('takes one order through every service started from the images', async () => {
    for (const service of SERVICES) expect((await fetch(`${slice[service].url}/health/ready`)).status).toBe(200);
    const orderId = await tradeflow.orderToCash(sku);
    expect((await tradeflow.order(orderId)).status).toBe('COMPLETED');
  });
});
