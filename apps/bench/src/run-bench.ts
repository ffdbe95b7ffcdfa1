import { randomUUID } from 'node:crypto';
import type { BenchProfile } from './bench-profile';
import { benchCodec } from './codec/codec-bench';
import { startBenchInfrastructure } from './environment/bench-infrastructure';
import { stopOnInterrupt } from './environment/interrupts';
import { describeMachine, loadAverage } from './environment/machine';
import { messagingTuning } from './environment/messaging-tuning';
import { ScratchResources } from './environment/scratch-resources';
import { benchHop } from './hop/hop-bench';
import { benchOrders } from './orders/orders-bench';
import type { BenchReport } from './report/render-report';
import { benchSaga } from './saga/saga-bench';

/**
 * Runs the sections the profile names against real infrastructure (started here on free ports, or
 * given by the environment) and removes every database and topic it made. Used by main.ts and by
 * the smoke test; `problems` lists every lost event or error, and is empty when every path worked.
 */
export async function runBench(profile: BenchProfile, log: (line: string) => void): Promise<BenchReport> {
  const started = performance.now();
  log('starting Kafka, registry and Postgres (or using KAFKA_BROKERS, SCHEMA_REGISTRY_URL, DATABASE_ADMIN_URL)');
  const infrastructure = await startBenchInfrastructure();
  const scratch = new ScratchResources(infrastructure.adminDatabaseUrl, infrastructure.kafkaBrokers);
  // Database names must start with a letter; topics, groups and databases all carry it.
  const runId = `r${randomUUID().slice(0, 7)}`;
  const cleanUp = async () => {
    await scratch.cleanUp().catch((error: Error) => log(`cleaning up: ${error.message}`));
    await infrastructure.stop();
  };
  const interrupted = stopOnInterrupt(cleanUp);
  try {
    const machine = await describeMachine(infrastructure.adminDatabaseUrl, infrastructure.started);
    const report: BenchReport = { machine, messaging: messagingTuning(), profile, durationSeconds: 0, problems: [] };
    if (profile.sections.includes('codec')) {
      log('codec');
      report.codec = await benchCodec(profile.codec, infrastructure.schemaRegistryUrl, `bench-${runId}-codec.`);
    }
    if (profile.sections.includes('hop')) {
      const context = { profile: profile.hop, infrastructure, scratch, runId, cpuProfileDir: profile.cpuProfileDir, log };
      report.hop = await benchHop(context);
      report.problems.push(...report.hop.flatMap((result) => result.problems.map((problem) => `hop ${result.contender}: ${problem}`)));
    }
    if (profile.sections.includes('saga')) {
      report.saga = await benchSaga({ profile: profile.saga, infrastructure, scratch, runId, log });
      report.problems.push(...report.saga.problems.map((problem) => `saga: ${problem}`));
    }
    if (profile.sections.includes('orders')) {
      report.orders = await benchOrders({ profile: profile.orders, infrastructure, scratch, runId, log });
      report.problems.push(...report.orders.problems.map((problem) => `orders: ${problem}`));
    }
    report.durationSeconds = (performance.now() - started) / 1000;
    report.machine.loadAfter = loadAverage();
    return report;
  } finally {
    interrupted();
    await cleanUp();
  }
}
