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

export interface ScramUser {
  name: string;
  password: string;
}

/**
 * A broker that authenticates every client (SASL/SCRAM-SHA-512, as Strimzi's KafkaUsers do) and
 * authorizes each request by ACL (the KRaft StandardAuthorizer; no ACL, no access). `superUser` may
 * do anything: the test harness, which creates topics and loads the ACLs.
 */
export interface KafkaScram {
  superUser: ScramUser;
  users: ScramUser[];
}

export interface KafkaOptions {
  stateDir: string;
  port: number;
  controllerPort: number;
  detached: boolean;
  artifacts: InfraArtifacts;
  scram?: KafkaScram;
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
  if (!existsSync(join(dataDir, 'meta.properties'))) await formatStorage(java, serverProperties, options.scram);

  const brokers = `${LOCALHOST}:${options.port}`;
  const running = startProcess({
    name: 'kafka',
    command: 'java',
    args: [...JVM_OPTIONS, ...java, 'kafka.Kafka', serverProperties],
    stateDir: options.stateDir,
    detached: options.detached,
  });
  await waitUntilReady(running, () => canListTopics(brokers, options.scram?.superUser), 90_000);
  return { brokers, process: running };
}

async function formatStorage(java: string[], serverProperties: string, scram: KafkaScram | undefined): Promise<void> {
  const clusterId = randomBytes(16).toString('base64url');
  // KRaft keeps SCRAM credentials in its metadata log: written at format time, they exist before the first login.
  const credentials = scram
    ? [scram.superUser, ...scram.users].map(({ name, password }) => `--add-scram=${SCRAM_MECHANISM}=[name=${name},password=${password}]`)
    : [];
  try {
    // `--cluster-id=<id>`: a base64url id may start with "-", which the tool would read as an option.
    const format = ['kafka.tools.StorageTool', 'format', '--config', serverProperties, `--cluster-id=${clusterId}`, ...credentials];
    await promisify(execFile)('java', [...java, ...format]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`formatting Kafka storage failed: ${stderr || String(error)}`);
  }
}

// A small heap, and the serial collector because a dev box runs two JVMs beside the services.
const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-Djava.awt.headless=true'];

const SCRAM_MECHANISM = 'SCRAM-SHA-512';

function serverConfig({ port, controllerPort, scram }: KafkaOptions, dataDir: string): string {
  const listener = scram ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
  return `# Written by libs/testing on every start; edits here are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${LOCALHOST}:${controllerPort}
controller.listener.names=CONTROLLER
listeners=${listener}://${LOCALHOST}:${port},CONTROLLER://${LOCALHOST}:${controllerPort}
advertised.listeners=${listener}://${LOCALHOST}:${port}
inter.broker.listener.name=${listener}
listener.security.protocol.map=${listener}:${listener},CONTROLLER:PLAINTEXT
${scram ? scramConfig(scram.superUser) : ''}log.dirs=${dataDir}
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

/**
 * The broker listener takes SCRAM logins only, the broker itself logs in as the super user. The
 * controller listener stays plaintext on 127.0.0.1: its principal (ANONYMOUS) is the node's own
 * broker registering and heartbeating, so it must be a super user too.
 */
function scramConfig(superUser: ScramUser): string {
  const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${superUser.name}" password="${superUser.password}";`;
  return `sasl.enabled.mechanisms=${SCRAM_MECHANISM}
sasl.mechanism.inter.broker.protocol=${SCRAM_MECHANISM}
listener.name.sasl_plaintext.${SCRAM_MECHANISM.toLowerCase()}.sasl.jaas.config=${jaas}
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:${superUser.name};User:ANONYMOUS
`;
}

const LOG4J_CONFIG = `rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
`;

async function canListTopics(brokers: string, superUser: ScramUser | undefined): Promise<boolean> {
  const admin = new Kafka({
    brokers: [brokers],
    sasl: superUser && { mechanism: 'scram-sha-512', username: superUser.name, password: superUser.password },
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
