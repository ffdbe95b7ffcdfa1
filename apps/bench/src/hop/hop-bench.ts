import { EventCodec } from '@tradeflow/events';
import { Kafka, logLevel } from 'kafkajs';
import type { HopProfile } from '../bench-profile';
import type { BenchInfrastructure } from '../environment/bench-infrastructure';
import type { ScratchResources } from '../environment/scratch-resources';
import { waitFor } from '../wait-for';
import type { LatencySummary } from '../stats/percentiles';
import { summarise } from '../stats/percentiles';
import { ContenderProcess } from './contender-process';
import { countEffects, CREATE_EFFECTS, withClient } from './effects';
import type { ContenderName } from './hop-events';
import { hopTopics } from './hop-events';
import type { Encode } from './input-feeder';
import { InputFeeder } from './input-feeder';
import { OutputObserver } from './output-observer';

export interface HopResult {
  contender: ContenderName;
  /** Outputs per second over the window, counted from the first output of the measured run. */
  eventsPerSecond: number;
  windowSeconds: number;
  /** The preloaded input ran out before the window ended; the rate is over the shorter time. */
  drainedEarly: boolean;
  latency: LatencySummary;
  /** The input rate the latency phase achieved (it aims at HopProfile.latencyRate). */
  latencyRate: number;
  inputs: number;
  outputs: number;
  distinctOutputs: number;
  effects: number;
  distinctEffects: number;
  problems: string[];
}

export interface HopContext {
  profile: HopProfile;
  infrastructure: BenchInfrastructure;
  scratch: ScratchResources;
  runId: string;
  cpuProfileDir?: string;
  log: (line: string) => void;
}

/** One hop, three ways, one after the other over the same broker and Postgres (docs/design.md#guarantees, issue 8). */
export async function benchHop(context: HopContext): Promise<HopResult[]> {
  const results: HopResult[] = [];
  for (const name of context.profile.contenders) results.push(await benchContender(name, context));
  return results;
}

async function benchContender(name: ContenderName, context: HopContext): Promise<HopResult> {
  const { profile, infrastructure, scratch, runId } = context;
  const prefix = `bench-${runId}-${name}.`;
  const topics = hopTopics(prefix);
  await scratch.topics(prefix, [topics.input, topics.output], profile.partitions);
  const databaseUrl = await scratch.database(`bench_${name}_${runId}`);
  if (name !== 'ours') await withClient(databaseUrl, (client) => client.query(CREATE_EFFECTS));

  const kafka = new Kafka({ clientId: `bench-${name}`, brokers: infrastructure.kafkaBrokers.split(','), logLevel: logLevel.WARN });
  const feeder = new InputFeeder(kafka, topics.input, encoderFor(name, infrastructure.schemaRegistryUrl, topics.input));
  const observer = new OutputObserver(kafka, topics.output);
  await Promise.all([feeder.connect(), observer.start()]);
  const env = {
    KAFKA_BROKERS: infrastructure.kafkaBrokers,
    SCHEMA_REGISTRY_URL: infrastructure.schemaRegistryUrl,
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: String(profile.partitions),
    KAFKA_CONSUMER_GROUP: `bench-${runId}-${name}`,
    DATABASE_URL_BENCH: databaseUrl,
    OIDC_ISSUER_URL: infrastructure.oidcIssuerUrl,
    METRICS_PORT: '0',
  };
  const result: HopResult = {
    contender: name,
    eventsPerSecond: Number.NaN,
    windowSeconds: Number.NaN,
    drainedEarly: false,
    latency: summarise([]),
    latencyRate: Number.NaN,
    inputs: 0,
    outputs: 0,
    distinctOutputs: 0,
    effects: 0,
    distinctEffects: 0,
    problems: [],
  };
  let contender: ContenderProcess | undefined;
  try {
    contender = await ContenderProcess.fork(name, env, context.cpuProfileDir);
    const phases = new Phases(profile, feeder, observer, contender, (line) => context.log(`hop ${name}: ${line}`));
    const estimate = await phases.warmUp();
    Object.assign(result, await phases.throughput(estimate));
    Object.assign(result, await phases.latency());
  } catch (error) {
    result.problems.push(`${(error as Error).message}\n${contender?.logs().slice(-2000) ?? ''}`);
  } finally {
    await contender?.exit().catch((error: Error) => result.problems.push(`stopping: ${error.message}`));
    await observer.settle();
    await Promise.all([feeder.disconnect(), observer.stop()]);
  }
  return { ...result, ...(await tally(name, feeder, observer, databaseUrl, result.problems)) };
}

function encoderFor(name: ContenderName, registryUrl: string, topic: string): Encode {
  if (name !== 'ours') return (event) => Buffer.from(JSON.stringify(event));
  const codec = new EventCodec({ registryUrl });
  return (event) => codec.encode(event, topic);
}

/** The phases of one contender's run; the observer keeps counting across them. */
class Phases {
  constructor(
    private readonly profile: HopProfile,
    private readonly feeder: InputFeeder,
    private readonly observer: OutputObserver,
    private readonly contender: ContenderProcess,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Warms the contender up (connections, JIT, registry caches) on a small preload and estimates its
   * rate, so the measured run gets enough input for its window without a long drain afterwards.
   */
  async warmUp(): Promise<number> {
    await this.feeder.preload(this.profile.warmupEvents);
    const mark = this.observer.outputs;
    await this.contender.start();
    const first = await this.firstOutputAfter(mark);
    await waitFor(() => this.allOut() || performance.now() > first + this.profile.warmupMs, this.timeoutMs, 'warm-up');
    await this.contender.stop();
    await this.observer.settle();
    // A cold process starts slowly: when the warm-up lasted long enough, its second half is the estimate.
    const arrivals = this.observer.arrivals.slice(mark);
    const last = arrivals[arrivals.length - 1];
    const from = last - first > 2000 ? (first + last) / 2 : first;
    const estimate = arrivals.filter((at) => at > from).length / Math.max(0.25, (last - from) / 1000);
    this.log(`warm-up ${arrivals.length} outputs, estimate ${Math.round(estimate)}/s`);
    return estimate;
  }

  async throughput(estimate: number): Promise<Pick<HopResult, 'eventsPerSecond' | 'windowSeconds' | 'drainedEarly'>> {
    const { windowSeconds, minEvents, maxEvents } = this.profile;
    const backlog = this.feeder.sent - this.observer.distinct;
    const wanted = Math.ceil(estimate * (windowSeconds + 5) * 1.5) - backlog;
    const preload = Math.min(maxEvents, Math.max(minEvents, wanted));
    const preloadStart = performance.now();
    await this.feeder.preload(preload);
    this.log(`preloaded ${preload} in ${((performance.now() - preloadStart) / 1000).toFixed(1)} s`);
    const mark = this.observer.outputs;
    await this.contender.start();
    const first = await this.firstOutputAfter(mark);
    const end = first + windowSeconds * 1000;
    await waitFor(() => this.allOut() || performance.now() > end, this.timeoutMs, 'throughput window');
    const drainedEarly = performance.now() <= end;
    const arrivals = this.observer.arrivals.slice(mark).filter((at) => at > first && at <= end);
    const seconds = drainedEarly ? (arrivals[arrivals.length - 1] - first) / 1000 : windowSeconds;
    this.log(`${arrivals.length} outputs in ${seconds.toFixed(1)} s${drainedEarly ? ' (input ran out)' : ''}`);
    await waitFor(() => this.allOut(), this.timeoutMs, 'draining the preload');
    return { eventsPerSecond: arrivals.length / seconds, windowSeconds: seconds, drainedEarly };
  }

  async latency(): Promise<Pick<HopResult, 'latency' | 'latencyRate'>> {
    const { latencyRate, latencySeconds } = this.profile;
    this.log(`latency at ${latencyRate}/s for ${latencySeconds} s`);
    const achieved = await this.feeder.atRate(latencyRate, latencySeconds, (event, sentAt) =>
      this.observer.expect(event.correlationId, sentAt),
    );
    await waitFor(() => this.allOut(), this.timeoutMs, 'draining the latency phase');
    return { latency: summarise(this.observer.latencies), latencyRate: achieved };
  }

  private get timeoutMs(): number {
    return this.profile.drainTimeoutSeconds * 1000;
  }

  private allOut(): boolean {
    return this.observer.distinct >= this.feeder.sent;
  }

  private async firstOutputAfter(mark: number): Promise<number> {
    await waitFor(() => this.observer.outputs > mark, this.timeoutMs, 'the first output');
    return this.observer.arrivals[mark];
  }
}

/** Every input must have one effect and at least one output; the inbox must leave no duplicate effect. */
async function tally(
  name: ContenderName,
  feeder: InputFeeder,
  observer: OutputObserver,
  databaseUrl: string,
  problems: string[],
): Promise<Pick<HopResult, 'inputs' | 'outputs' | 'distinctOutputs' | 'effects' | 'distinctEffects'>> {
  const effects = await countEffects(databaseUrl);
  const counts = {
    inputs: feeder.sent,
    outputs: observer.outputs,
    distinctOutputs: observer.distinct,
    effects: effects.rows,
    distinctEffects: effects.distinct,
  };
  if (counts.distinctOutputs < counts.inputs) problems.push(`${counts.inputs - counts.distinctOutputs} inputs without output`);
  if (counts.distinctEffects < counts.inputs) problems.push(`${counts.inputs - counts.distinctEffects} inputs without effect`);
  if (name === 'ours' && counts.effects > counts.distinctEffects) {
    problems.push(`${counts.effects - counts.distinctEffects} duplicate effects despite the inbox`);
  }
  return counts;
}
