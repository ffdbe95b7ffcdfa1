import { join } from 'node:path';
import { databaseClusterNames } from '../database-backups';
import { repositoryRoot } from '../kafka-access';
import { PLATFORM } from '../platform';
import { DEPLOYED_SERVICES } from '../services';
import type { K8sObject } from '../validation/manifests';
import { render } from '../validation/manifests';
import { monitoringProblems } from '../validation/monitoring-policies';

describe.each(['dev', 'prod'] as const)('telemetry in overlay %s', (overlay) => {
  it('scrapes every service, the brokers, the Kafka Exporter and every Postgres instance, and sends traces to Tempo', () => {
    const objects = render(join(repositoryRoot, 'deploy/k8s/overlays', overlay));
    expect(monitoringProblems(objects, PLATFORM.monitoringNamespace)).toEqual([]);
  });
});

describe('the telemetry checks', () => {
  const objects = render(join(repositoryRoot, 'deploy/k8s/overlays/dev'));
  const without = (kind: string, name: string) => objects.filter((object) => !(object.kind === kind && object.metadata.name === name));
  const replaced = (kind: string, name: string, change: (object: K8sObject) => K8sObject) =>
    objects.map((object) => (object.kind === kind && object.metadata.name === name ? change(structuredClone(object)) : object));

  it('refuse a cluster where nothing scrapes the services or Postgres', () => {
    const problems = monitoringProblems(without('PodMonitor', 'postgres').filter((object) => object.kind !== 'ServiceMonitor'), PLATFORM.monitoringNamespace);
    expect(problems).toEqual(expect.arrayContaining(['Deployment/order: its metrics port is not scraped by a ServiceMonitor', 'Cluster/order-db: its instances are not scraped by a PodMonitor']));
    expect(problems).toHaveLength(DEPLOYED_SERVICES.length + databaseClusterNames().length);
  });

  it('refuse brokers without the Kafka Exporter, and a collector that only prints its traces', () => {
    const noExporter = replaced('Kafka', 'tradeflow', (kafka) => ({ ...kafka, spec: { ...(kafka.spec as object), kafkaExporter: undefined } }));
    expect(monitoringProblems(noExporter, PLATFORM.monitoringNamespace)).toEqual(['Kafka/tradeflow: no kafkaExporter (broker-side consumer lag)']);
    const debugOnly = replaced('ConfigMap', 'otel-collector', (map) => {
      const data = (map as unknown as { data: Record<string, string> }).data;
      data['config.yaml'] = data['config.yaml'].replace('exporters: [otlp/tempo]', 'exporters: [debug]');
      return map;
    });
    expect(monitoringProblems(debugOnly, PLATFORM.monitoringNamespace)).toEqual([
      'ConfigMap/otel-collector: traces are not exported over OTLP to a Service of the overlay (exporters: debug)',
    ]);
  });
});
