import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';

/**
 * Compiles one app and the libraries it runs on from TypeScript to CommonJS, for the container
 * image (deploy/image/Containerfile), where neither TypeScript nor @swc-node is installed:
 *   sh deploy/local/node24 deploy/image/compile-app.ts <app> <out-dir>
 * The output keeps the repository's layout (apps/<app>/src, libs/<lib>/src) with the @tradeflow/*
 * aliases rewritten to relative paths, plus <out-dir>/main.js, the image's entry point. The same
 * swc settings as Jest, so decorators and their metadata behave as under test.
 */
const root = join(__dirname, '../..');
// libs/testing starts Kafka and Postgres for tests; no service imports it at run time.
const TEST_ONLY_ALIASES = ['@tradeflow/testing'];
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;

export function compileApp(app: string, outDir: string): string[] {
  const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
  // Every library an alias points at (libs/<lib>/src/index.ts → libs/<lib>/src), so a new one is included.
  const libs = Object.entries(compilerOptions.paths)
    .filter(([alias]) => !TEST_ONLY_ALIASES.includes(alias))
    .map(([, [target]]) => dirname(target));
  const sources = [join('apps', app, 'src'), ...libs].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !TEST_FILE.test(file))
      .map((file) => join(dir, file)),
  );
  for (const source of sources) {
    const { code, map } = transformFileSync(join(root, source), {
      swcrc: false,
      sourceMaps: true,
      jsc: {
        target: 'es2023',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        baseUrl: root,
        paths: compilerOptions.paths,
      },
      module: { type: 'commonjs' },
    });
    const target = join(outDir, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${relative(dirname(target), `${target}.map`)}\n`);
    if (map) writeFileSync(`${target}.map`, map);
  }
  writeFileSync(join(outDir, 'main.js'), `require('./apps/${app}/src/main.js');\n`);
  return sources;
}

if (require.main === module) {
  const [app, outDir] = process.argv.slice(2);
  if (!app || !outDir) {
    console.error('usage: compile-app.ts <app> <out-dir>');
    process.exit(2);
  }
  const sources = compileApp(app, resolve(outDir));
  console.log(`compiled ${sources.length} files of ${app} into ${outDir}`);
}
