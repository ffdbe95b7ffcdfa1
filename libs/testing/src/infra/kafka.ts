import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import type { InfraArtifacts } from './artifacts';
import { componentDir } from './layout';
import { LOCALHOST } from './ports';
import { startProcess, waitUntilReady, type RunningProcess } from './process';

export interface KafkaOptions {
  stateDir: string;
  port: number;
  controllerPort: number;
  detached: boolean;
  artifacts: InfraArtifacts;
}

export interface StartedKafka {
  brokers: string;
  process: RunningProcess;
}

/** One KRaft node that is both broker and controller; data persists in `<stateDir>/kafka/data`. */
export async function startKafka(options: KafkaOptions): Promise<StartedKafka> {
  const dir = componentDir(options.stateDir, 'kafka');
  mkdirSync(dir, { recursive: true });
  const serverProperties = join(dir, 'server.properties');
  const dataDir = join(dir, 'data');
  writeFileSync(serverProperties, serverConfig(options, dataDir));
  const log4jConfig = join(dir, 'log4j2.properties');
  writeFileSync(log4jConfig, LOG4J_CONFIG);

  const java = ['-cp', options.artifacts.kafkaClasspath, `-Dlog4j2.configurationFile=${log4jConfig}`];
  // Formatted once; later starts keep the data dir, its cluster id and the topics in it.
  if (!existsSync(join(dataDir, 'meta.properties'))) await formatStorage(java, serverProperties);

  const brokers = `${LOCALHOST}:${options.port}`;
  const running = startProcess({
    name: 'kafka',
    command: 'java',
    args: [...JVM_OPTIONS, ...java, 'kafka.Kafka', serverProperties],
    stateDir: options.stateDir,
    detached: options.detached,
  });
  await waitUntilReady(running, () => canListTopics(brokers), 90_000);
  return { brokers, process: running };
}

async function formatStorage(java: string[], serverProperties: string): Promise<void> {
  const clusterId = randomBytes(16).toString('base64url');
  try {
    // `--cluster-id=<id>`: a base64url id may start with "-", which the tool would read as an option.
    const format = ['kafka.tools.StorageTool', 'format', '--config', serverProperties, `--cluster-id=${clusterId}`];
    await promisify(execFile)('java', [...java, ...format]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`formatting Kafka storage failed: ${stderr || String(error)}`);
  }
}

// A small heap, and the serial collector because a dev box runs two JVMs beside the services.
const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-Djava.awt.headless=true'];

function serverConfig({ port, controllerPort }: KafkaOptions, dataDir: string): string {
  return `# Written by libs/testing on every start; edits here are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${LOCALHOST}:${controllerPort}
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://${LOCALHOST}:${port},CONTROLLER://${LOCALHOST}:${controllerPort}
advertised.listeners=PLAINTEXT://${LOCALHOST}:${port}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${dataDir}
auto.create.topics.enable=true
num.partitions=3
# A single node can only hold one replica of the internal topics.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# The first consumer group and the first transaction wait until every partition of these topics is loaded.
offsets.topic.num.partitions=5
transaction.state.log.num.partitions=5
# Tests start consumer groups one after another; waiting for more members only slows them down.
group.initial.rebalance.delay.ms=0
`;
}

const LOG4J_CONFIG = `rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
`;

async function canListTopics(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } finally {
    await admin.disconnect();
  }
}
