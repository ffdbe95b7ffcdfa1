import { load } from 'js-yaml';
import type { K8sObject } from './manifests';
import { describe, ofKind } from './manifests';
import { serviceDeployments } from './policies';

// Rendered YAML, read after the schema check has vouched for its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const selects = (selector: Json | undefined, labels: Record<string, string> = {}) =>
  !!selector && Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value) && !(selector.matchExpressions ?? []).length;

/**
 * What Prometheus and Tempo must receive: every service's `metrics` port behind a ServiceMonitor; the
 * brokers' JMX metrics and the Kafka Exporter, scraped; every Postgres instance's exporter scraped and
 * admitted from the monitoring namespace; the collector's traces exported over OTLP to a Service of
 * the overlay.
 */
export function monitoringProblems(objects: K8sObject[], monitoringNamespace: string): string[] {
  const problems: string[] = [];
  const serviceMonitors = ofKind(objects, 'ServiceMonitor') as Json[];
  const podMonitors = ofKind(objects, 'PodMonitor') as Json[];
  const scrapedPod = (labels: Record<string, string>, port: string) =>
    podMonitors.some((monitor) => selects(monitor.spec.selector, labels) && monitor.spec.podMetricsEndpoints?.some((endpoint: Json) => endpoint.port === port));

  for (const deployment of serviceDeployments(objects) as Json[]) {
    const service = ofKind(objects, 'Service').find((candidate) => candidate.metadata.name === deployment.metadata.name) as Json | undefined;
    const scraped = serviceMonitors.some(
      (monitor) => selects(monitor.spec.selector, service?.metadata.labels) && monitor.spec.endpoints?.some((endpoint: Json) => endpoint.port === 'metrics'),
    );
    if (!service?.spec.ports?.some((port: Json) => port.name === 'metrics') || !scraped) problems.push(`${describe(deployment as K8sObject)}: its metrics port is not scraped by a ServiceMonitor`);
  }

  for (const kafka of ofKind(objects, 'Kafka') as Json[]) {
    const reference = kafka.spec.kafka.metricsConfig?.valueFrom?.configMapKeyRef;
    const config = ofKind(objects, 'ConfigMap').find((map) => map.metadata.name === reference?.name) as Json | undefined;
    if (!config?.data?.[reference?.key]) problems.push(`${describe(kafka as K8sObject)}: no JMX exporter metricsConfig from a ConfigMap of the overlay`);
    if (!kafka.spec.kafkaExporter) problems.push(`${describe(kafka as K8sObject)}: no kafkaExporter (broker-side consumer lag)`);
    // The labels Strimzi gives the broker and Kafka Exporter pods.
    if (!scrapedPod({ 'strimzi.io/cluster': kafka.metadata.name, 'strimzi.io/kind': 'Kafka' }, 'tcp-prometheus')) problems.push(`${describe(kafka as K8sObject)}: its pods are not scraped by a PodMonitor`);
  }

  const policies = ofKind(objects, 'NetworkPolicy') as Json[];
  for (const cluster of ofKind(objects, 'Cluster') as Json[]) {
    // The labels CloudNativePG gives each instance pod.
    const instance = { 'cnpg.io/cluster': cluster.metadata.name, 'cnpg.io/podRole': 'instance' };
    if (!scrapedPod(instance, 'metrics')) problems.push(`${describe(cluster as K8sObject)}: its instances are not scraped by a PodMonitor`);
    const admitted = policies.some(
      (policy) =>
        selects(policy.spec.podSelector, instance) &&
        (policy.spec.ingress ?? []).some(
          (rule: Json) =>
            rule.from?.some((peer: Json) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === monitoringNamespace && !peer.podSelector) &&
            rule.ports?.some((port: Json) => port.port === 9187),
        ),
    );
    if (!admitted) problems.push(`${describe(cluster as K8sObject)}: port 9187 is not admitted from ${monitoringNamespace}`);
  }

  const collector = ofKind(objects, 'ConfigMap').find((map) => map.metadata.name === 'otel-collector') as Json | undefined;
  const config = collector ? (load(collector.data['config.yaml']) as Json) : undefined;
  const exporters: string[] = config?.service?.pipelines?.traces?.exporters ?? [];
  const otlp = exporters.filter((name) => /^otlp(http)?(\/|$)/.test(name)).map((name) => String(config?.exporters?.[name]?.endpoint ?? ''));
  const reachable = otlp.some((endpoint) => {
    const [host, port] = endpoint.replace(/^https?:\/\//, '').split(':');
    return ofKind(objects, 'Service').some((service: Json) => service.metadata.name === host && service.spec.ports.some((one: Json) => String(one.port) === port));
  });
  if (!reachable) problems.push(`ConfigMap/otel-collector: traces are not exported over OTLP to a Service of the overlay (exporters: ${exporters.join(', ') || 'none'})`);
  return problems;
}
