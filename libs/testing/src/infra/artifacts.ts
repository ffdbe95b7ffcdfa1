import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, repositoryRoot } from './layout';

const fetchScript = join(repositoryRoot, 'deploy/local/fetch-infra');
const pom = join(repositoryRoot, 'deploy/local/pom.xml');

export interface InfraArtifacts {
  kafkaVersion: string;
  registryVersion: string;
  /** A java -cp value: every jar of the broker and its log4j2 binding. */
  kafkaClasspath: string;
  registryJar: string;
}

/**
 * Makes sure Kafka and the registry are in the cache (a no-op taking milliseconds once they are) and
 * says where. fetch-infra also refuses a missing or too old java with a clear message.
 */
export function ensureInfraArtifacts(): InfraArtifacts {
  execFileSync('sh', [fetchScript], { stdio: ['ignore', 'inherit', 'inherit'] });
  const kafkaVersion = pomProperty('kafka.version');
  const registryVersion = pomProperty('apicurio.version');
  return {
    kafkaVersion,
    registryVersion,
    kafkaClasspath: join(cacheDir(), `kafka-${kafkaVersion}`, 'libs', '*'),
    registryJar: join(
      cacheDir(),
      `apicurio-registry-${registryVersion}`,
      `apicurio-registry-app-${registryVersion}-runner.jar`,
    ),
  };
}

/** The pom pins the versions once, for Maven and for us. */
function pomProperty(name: string): string {
  const match = readFileSync(pom, 'utf8').match(new RegExp(`<${name}>([^<]+)</${name}>`));
  if (!match) throw new Error(`${pom} has no <${name}> property`);
  return match[1];
}
