import { startTelemetry } from '@tradeflow/platform/telemetry';

startTelemetry('fixture');

// Run as its own process by the tests of replicas, readiness, metrics and start-up logs, configured
// only by environment and started as every service's main.ts is: the modules load after telemetry.
void Promise.all([import('@tradeflow/service'), import('./fixture-service'), import('./fixture-settings')]).then(
  ([{ runService }, { fixtureService }, { FixtureSettings }]) => runService(fixtureService, FixtureSettings),
);
