import nx from '@nx/eslint-plugin';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/** What production code may not import (test code), for every rule entry of no-restricted-imports that covers it. */
const testCode = {
  paths: [{ name: '@tradeflow/testing', message: 'Test code: only tests and test helpers import @tradeflow/testing.' }],
  patterns: [{ group: ['**/testing/**'], message: 'Test code: only tests and test helpers import a testing/ folder.' }],
};

const scopes = ['order', 'inventory', 'invoicing', 'shipping', 'crm-sync'];

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '**/.tradeflow', '**/.nx', 'jest.config.js'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Boundaries enforced, not declared (docs/design.md#boundaries).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...scopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'] })),
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
            // The bench starts the apps as processes; it imports only the shared libraries.
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:shared'] },
            // reconcile reads the services over HTTP and runs the pure invariant checks of libs/reconciliation, as the e2e tests do.
            { sourceTag: 'scope:reconcile', onlyDependOnLibsWithTags: ['scope:reconcile', 'scope:shared'] },
            // chaos starts the apps as processes and runs reconcile as a command; it imports only the shared libraries.
            { sourceTag: 'scope:chaos', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The console calls the services over HTTP with the person's token; it imports only the shared libraries.
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      // Lint that catches bugs (docs/design.md#lint).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Only libs/messaging talks to Kafka, so the client can be swapped; apps never import it.
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use @tradeflow/messaging.' }] }],
    },
  },
  {
    // The bench's ceiling is bare kafkajs by definition; its and chaos' load tools act as other systems would.
    files: ['apps/bench/**/*.ts', 'apps/chaos/src/load/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The schema library stays free of persistence and broker code.
    files: ['libs/events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['typeorm', 'kafkajs', 'pg'].map((name) => ({ name, message: 'libs/events has no infrastructure.' })) },
      ],
    },
  },
  {
    // Money rules are pure arithmetic: unit-tested without infrastructure, usable by every service.
    files: ['libs/money/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', 'kafkajs', 'pg'].map((name) => ({ name, message: 'libs/money has no infrastructure.' })),
          patterns: [{ group: ['@nestjs/*', 'typeorm/*', '@tradeflow/*'], message: 'libs/money has no framework and no other library.' }],
        },
      ],
    },
  },
  {
    // Production code never imports test code. libs/testing starts Kafka and Postgres for tests
    // and mints development tokens; the container image leaves it out (deploy/image/compile-app.ts).
    // Tests, the apps' testing/ folders (<service>-under-test.ts) and apps/e2e may use it, and so may
    // the tools that start the infrastructure themselves and never ship: apps/bench and apps/chaos
    // (deploy/local too, which is no Nx project and not linted). A separate rule name from the
    // no-restricted-imports blocks above, so neither replaces the other's options.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**', 'apps/e2e/**', 'apps/bench/**', 'apps/chaos/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', testCode],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/(^|\\/)testing(\\/|$)/]', message: 'Test code: only tests and test helpers import it.' },
      ],
    },
  },
  {
    // Settings classes need explicit types: class-transformer converts env strings by the emitted type metadata.
    files: ['**/*-settings.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-inferrable-types': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  // A feature folder of apps/order imports only itself, the kernel orders/ and libs.
  ...featureFolderBoundaries({ src: 'apps/order/src', kernel: 'orders', free: ['migrations', 'testing'] }),
);

/**
 * Feature folders of `src` import only themselves, the `kernel` folder and libs; the kernel only
 * itself; top-level files and the `free` folders anything. Imports are relative, so each file depth
 * gets its own entry: from a file `depth` folders below its feature folder, a path starting with
 * depth + 1 "../" has left the feature and must go on into an allowed folder (tests may also reach
 * the harness in testing/). Folders and depths are read from disk: a new feature is checked from
 * its first file.
 */
function featureFolderBoundaries({ src, kernel, free }) {
  const root = `${import.meta.dirname}/${src}`;
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !free.includes(entry.name))
    .map((entry) => entry.name);
  // The typescript-eslint twin of the core rule: a later entry replaces a rule's options instead of
  // merging them, so the core rule here would lift the apps' kafkajs restriction for these files.
  const restrict = (depth, allowed, { test }) => {
    const boundary = {
      regex: `^(\\.\\./){${depth + 1}}(?!(${allowed.join('|')})/)`,
      message: `A feature folder of ${src} imports only itself, the kernel ${kernel}/ and libs; reach another feature through the kernel.`,
    };
    // Production files keep the test-code restriction these entries would otherwise replace.
    return ['error', test ? { patterns: [boundary] } : { paths: testCode.paths, patterns: [boundary, ...testCode.patterns] }];
  };
  return folders.flatMap((folder) => {
    const depths = new Set(
      readdirSync(`${root}/${folder}`, { recursive: true })
        .filter((path) => path.endsWith('.ts'))
        .map((path) => path.split('/').length - 1),
    );
    const allowed = folder === kernel ? [kernel] : [folder, kernel];
    return [...depths].flatMap((depth) => {
      const files = `${src}/${folder}/${'*/'.repeat(depth)}`;
      return [
        { files: [`${files}*.ts`], rules: { '@typescript-eslint/no-restricted-imports': restrict(depth, allowed, { test: false }) } },
        {
          files: [`${files}*.{spec,int-spec}.ts`],
          rules: { '@typescript-eslint/no-restricted-imports': restrict(depth, [...allowed, 'testing'], { test: true }) },
        },
      ];
    });
  });
}
