// Test tiers (docs/design.md#tests): `unit` runs pure logic beside the code; `integration` runs *.int-spec.ts
// and e2e/ against real Kafka, schema registry and Postgres, started once by libs/testing.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2023',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
      module: { type: 'commonjs' },
    },
  ],
};

// jose and openid-client (with its oauth4webapi) ship ESM only; Jest's module loader needs them as CommonJS (Node itself loads them as they are).
const esmOnly = ['jose', 'openid-client', 'oauth4webapi'];
transform[`node_modules/(${esmOnly.join('|')})/.+\\.js$`] = [
  '@swc/jest',
  { jsc: { target: 'es2023' }, module: { type: 'commonjs' } },
];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];

const common = { rootDir: __dirname, testEnvironment: 'node', transform, transformIgnorePatterns, moduleNameMapper };

module.exports = {
  // The services tests start log to a file per test file; a failing file's log is printed after it.
  reporters: ['default', '<rootDir>/libs/testing/src/jest/service-logs-reporter.ts'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    // Container image and Kubernetes manifests: renders the overlays with kubectl and validates them
    // offline (deploy/k8s/README.md). No infrastructure, but slower than unit tests.
    { ...common, displayName: 'deploy', testMatch: ['<rootDir>/deploy/**/*.spec.ts'], testTimeout: 60000 },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/apps/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/service-logs-setup.ts'],
      testTimeout: 120000,
    },
  ],
};
