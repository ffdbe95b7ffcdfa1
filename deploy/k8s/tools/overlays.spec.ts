import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './kafka-access';
import { parseManifests, render } from './validation/manifests';
import {
  aclProblems,
  imagePinProblems,
  podSecurityProblems,
  secretProblems,
  serviceProbeProblems,
  sizingProblems,
  topicProblems,
  wiringProblems,
} from './validation/policies';
import { ManifestValidator } from './validation/validate';
import { credentialProblems, networkAccessProblems, overlayHttpNamespaces, registryAuthProblems } from './validation/access-policies';
import { outsideConsumerProblems, schemaRegistrationProblems } from './validation/integration-policies';

const k8s = join(repositoryRoot, 'deploy/k8s');
let validator: ManifestValidator | undefined; // built once: compiling the schemas takes a second or two

describe.each(['dev', 'prod'] as const)('overlay %s', (overlay) => {
  const objects = render(join(k8s, 'overlays', overlay));

  it('validates strictly: core kinds against Kubernetes schemas, custom resources against their CRDs', () => {
    validator ??= new ManifestValidator();
    expect(validator.problems(objects)).toEqual([]);
  });

  it('runs every container as non-root, read-only, without privileges, with limits and probes', () => {
    expect([...podSecurityProblems(objects), ...serviceProbeProblems(objects)]).toEqual([]);
  });

  it('has a KafkaTopic for every catalogue topic and dead-letter topic, and no other', () => {
    expect(topicProblems(objects)).toEqual([]);
  });

  it("gives each service's KafkaUser exactly what it produces and consumes", () => {
    expect(aclProblems(objects)).toEqual([]);
  });

  it('wires each service to its database, Kafka user, config, policies and autoscaler', () => {
    expect(wiringProblems(objects)).toEqual([]);
  });

  it('admits HTTP only from the namespaces the overlay names, and /metrics only from monitoring', () => {
    expect(networkAccessProblems(objects, overlayHttpNamespaces(join(k8s, 'overlays', overlay)))).toEqual([]);
  });

  it('gives the services their issuer, registry and partner credentials only from Secrets', () => {
    expect(credentialProblems(objects)).toEqual([]);
  });

  it('lets no one use the schema registry without a credential of the issuer', () => {
    expect(registryAuthProblems(objects)).toEqual([]);
  });

  it('lets each outside consumer read the public topics, in groups of its own, from its namespace, and nothing more', () => {
    expect(outsideConsumerProblems(objects)).toEqual([]);
  });

  it('registers every schema by a Job with an admin credential, so the services only look schemas up', () => {
    expect(schemaRegistrationProblems(objects)).toEqual([]);
  });

  it(`is sized for ${overlay}`, () => {
    expect(sizingProblems(objects, overlay)).toEqual([]);
  });

  it('carries no secret values', () => {
    expect(secretProblems(objects)).toEqual([]);
  });

  it('pulls every service image from a registry by digest', () => {
    expect(imagePinProblems(objects)).toEqual([]);
  });
});

it('no manifest file under deploy/ holds a Secret with values', () => {
  const files = readdirSync(join(repositoryRoot, 'deploy'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file) && !file.includes('node_modules'))
    .map((file) => join(repositoryRoot, 'deploy', file));
  const secrets = files.flatMap((file) => {
    const objects = (() => {
      try {
        return parseManifests(readFileSync(file, 'utf8'));
      } catch {
        return []; // not Kubernetes YAML (e.g. a Maven or CI file)
      }
    })();
    return secretProblems(objects).map((problem) => `${file}: ${problem}`);
  });
  expect(secrets).toEqual([]);
});
