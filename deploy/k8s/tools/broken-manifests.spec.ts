import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repositoryRoot } from './kafka-access';
import { render } from './validation/manifests';
import { aclProblems, imagePinProblems, podSecurityProblems } from './validation/policies';
import { networkAccessProblems, overlayHttpNamespaces } from './validation/access-policies';
import { outsideConsumerProblems } from './validation/integration-policies';
import { ManifestValidator } from './validation/validate';

/** The checks must fail on a bad overlay, or their passing on the real ones proves nothing. */
describe('a deliberately broken overlay', () => {
  let dir: string;
  let objects: ReturnType<typeof render>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tradeflow-broken-overlay-'));
    const dev = relative(dir, join(repositoryRoot, 'deploy/k8s/overlays/dev'));
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      [
        'resources:',
        `  - ${dev}`,
        'images:',
        '  - { name: registry.invalid/tradeflow/shipping, newTag: latest }',
        'patches:',
        '  - target: { kind: Deployment, name: order }',
        '    patch: |',
        '      - { op: remove, path: /spec/template/spec/containers/0/readinessProbe }',
        '      - { op: add, path: /spec/template/spec/containers/0/readinesProbe, value: { periodSeconds: 5 } }',
        '  - target: { kind: KafkaTopic, name: tradeflow.orders.v1 }',
        '    patch: |',
        '      - { op: add, path: /spec/retentionMs, value: 1000 }',
        '  - target: { kind: KafkaUser, name: inventory }',
        '    patch: |',
        '      - op: add',
        '        path: /spec/authorization/acls/-',
        '        value: { resource: { type: topic, name: tradeflow.invoices.v1, patternType: literal }, operations: [Write] }',
        '  - target: { kind: KafkaUser, name: outside-erp }',
        '    patch: |',
        '      - op: add',
        '        path: /spec/authorization/acls/-',
        '        value: { resource: { type: topic, name: tradeflow.orders.v1, patternType: literal }, operations: [Write] }',
        '  - target: { kind: NetworkPolicy, name: order }',
        '    patch: |',
        '      - { op: add, path: /spec/ingress/-, value: { ports: [{ port: http }] } }',
        '',
      ].join('\n'),
    );
    objects = render(dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused for an unknown field in a core kind and in a custom resource', () => {
    const problems = new ManifestValidator().problems(objects);
    expect(problems).toEqual([
      'Deployment/order /spec/template/spec/containers/0: must NOT have additional properties "readinesProbe"',
      'KafkaTopic/tradeflow.orders.v1 /spec: must NOT have additional properties "retentionMs"',
    ]);
  });

  it('is refused for the missing readiness probe', () => {
    expect(podSecurityProblems(objects)).toEqual(['Deployment/order: container order has no readinessProbe']);
  });

  it('is refused for a service whose HTTP port is open to every namespace', () => {
    const namespaces = overlayHttpNamespaces(join(repositoryRoot, 'deploy/k8s/overlays/dev'));
    expect(networkAccessProblems(objects, namespaces)).toEqual(['Deployment/order: an ingress rule admits every source']);
  });

  it('is refused for an outside consumer allowed to write', () => {
    expect(outsideConsumerProblems(objects)).toEqual([expect.stringMatching(/^KafkaUser\/outside-erp allows .*topic:literal:tradeflow\.orders\.v1 Write;/)]);
  });

  it('is refused for a service image pulled by a tag', () => {
    expect(imagePinProblems(objects)).toEqual([
      'Deployment/shipping: container migrate runs registry.invalid/tradeflow/shipping:latest, not <registry>/tradeflow/<service>@sha256:…',
      'Deployment/shipping: container shipping runs registry.invalid/tradeflow/shipping:latest, not <registry>/tradeflow/<service>@sha256:…',
    ]);
  });

  it("is refused for a service allowed to write another service's topic", () => {
    expect(aclProblems(objects)).toEqual(['KafkaUser/inventory: grants more than it needs: topic literal tradeflow.invoices.v1 Write']);
  });
});
