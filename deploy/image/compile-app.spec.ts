import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPLOYED_SERVICES } from '../k8s/tools/services';
import { compileApp } from './compile-app';

/*
 * The image's two assumptions, checked in seconds and offline (apps/e2e/src/image builds and runs
 * the images themselves): the compiled app needs only production dependencies, and it starts on plain Node.
 */
const root = join(__dirname, '../..');
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const apps = DEPLOYED_SERVICES.map((service) => service.name).filter((app) => existsSync(join(root, 'apps', app, 'src/main.ts')));

describe.each(apps)('the %s image build', (app) => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), `tradeflow-image-${app}-`));
    compileApp(app, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('compiles to JavaScript that requires only production dependencies', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const packages = new Set(
      files.flatMap((file) =>
        [...readFileSync(join(out, file), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)].map(([, specifier]) =>
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0],
        ),
      ),
    );
    const builtin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
    expect([...packages].filter((name) => !builtin(name) && !(name in dependencies))).toEqual([]);
  });

  it('starts on plain Node, without swc, and names a missing setting', () => {
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
    const run = spawnSync(process.execPath, ['main.js'], { cwd: out, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    // Logged as JSON from the first line, to stdout like every other log line.
    expect(run.stdout).toContain(`DATABASE_URL_${app.toUpperCase().replace(/-/g, '_')} is not set`);
  });
});
