import { join } from 'node:path';
import type { InfraArtifacts } from './artifacts';
import { componentDir } from './layout';
import { LOCALHOST } from './ports';
import { startProcess, waitUntilReady, type RunningProcess } from './process';

export interface RegistryOptions {
  stateDir: string;
  port: number;
  detached: boolean;
  artifacts: InfraArtifacts;
}

export interface StartedRegistry {
  /** The Confluent-compatible API: what @kafkajs/confluent-schema-registry takes as `host`. */
  url: string;
  process: RunningProcess;
}

/**
 * The compatibility rule of docs/design.md#compatibility (SUBJECT_COMPATIBILITY of @tradeflow/events, which jest's
 * global setup cannot import), so a local producer meets the same refusal as in production.
 */
export const DEFAULT_COMPATIBILITY = 'FULL_TRANSITIVE';

export function confluentApiUrl(port: number): string {
  return `http://${LOCALHOST}:${port}/apis/ccompat/v7`;
}

/** Apicurio Registry 3 with SQL storage in an H2 file under `<stateDir>/registry/data`. */
export async function startRegistry(options: RegistryOptions): Promise<StartedRegistry> {
  const base = `http://${LOCALHOST}:${options.port}`;
  const url = confluentApiUrl(options.port);
  const running = startProcess({
    name: 'registry',
    command: 'java',
    args: [...JVM_OPTIONS, ...settings(options), '-jar', options.artifacts.registryJar],
    stateDir: options.stateDir,
    detached: options.detached,
  });
  const isReady = async () => (await fetch(`${base}/health/ready`)).ok && (await fetch(`${url}/subjects`)).ok;
  await waitUntilReady(running, isReady, 90_000);
  await setCompatibility(url, DEFAULT_COMPATIBILITY);
  return { url, process: running };
}

export async function setCompatibility(url: string, compatibility: string): Promise<void> {
  const response = await fetch(`${url}/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ compatibility }),
  });
  if (!response.ok) {
    const reason = `${response.status} ${await response.text()}`;
    throw new Error(`setting compatibility ${compatibility} at ${url}/config failed: ${reason}`);
  }
}

// C1 only and the serial collector: Quarkus starts in about half the time, which matters more here than peak speed.
const JVM_OPTIONS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

function settings({ stateDir, port }: RegistryOptions): string[] {
  const properties = {
    'quarkus.http.host': LOCALHOST,
    'quarkus.http.port': port,
    'apicurio.storage.kind': 'sql',
    'apicurio.storage.sql.kind': 'h2',
    // A file, not memory: schema ids inside records already in Kafka must still resolve after a restart.
    'apicurio.datasource.url': `jdbc:h2:file:${join(componentDir(stateDir, 'registry'), 'data', 'registry')}`,
    // Like Confluent, a re-registered schema that differs only in formatting gets its existing id.
    'apicurio.ccompat.use-canonical-hash': true,
  };
  return Object.entries(properties).map(([key, value]) => `-D${key}=${value}`);
}
