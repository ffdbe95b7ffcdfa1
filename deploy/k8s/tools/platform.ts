/**
 * Names the hand-written base manifests define and the generated ones refer to. A test renders the
 * overlays, so a name changed on one side only shows up as a dangling reference there.
 */
export const PLATFORM = {
  kafkaCluster: 'tradeflow',
  /** Strimzi's bootstrap Service for the `tls` listener (SCRAM-SHA-512 over TLS). */
  kafkaBootstrap: 'tradeflow-kafka-bootstrap:9093',
  /** Strimzi's public cluster CA; clients trust it through NODE_EXTRA_CA_CERTS. */
  kafkaCaSecret: 'tradeflow-cluster-ca-cert',
  schemaRegistryUrl: 'http://schema-registry:8080/apis/ccompat/v7',
  otlpEndpoint: 'http://otel-collector:4318',
  partOf: 'tradeflow',
  /** The operator's Secret with the OpenID issuer every service (and the registry) trusts. */
  oidcSecret: 'tradeflow-oidc',
  /** Each service's port for /metrics (HttpServiceSettings.METRICS_PORT's default). */
  metricsPort: 9464,
  /** Where Prometheus runs: the only namespace admitted to the metrics port. */
  monitoringNamespace: 'monitoring',
  /**
   * The namespaces admitted to the services' HTTP port until an overlay names its own (both do, in
   * a patch of the NetworkPolicies): the ingress controller's and the ops console's.
   */
  httpClientNamespaces: ['ingress-nginx', 'tradeflow-console'],
} as const;

/** Labels every generated object carries; pods also get app.kubernetes.io/name for selectors. */
export function labels(name: string, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': PLATFORM.partOf,
  };
}

/** Topic settings. Domain events are the integration API: kept long enough to rebuild a consumer. */
export const TOPIC_SETTINGS = {
  partitions: 6,
  retentionMs: 30 * 24 * 60 * 60 * 1000,
  /** Dead letters wait for a person to look at and replay them; few, so fewer partitions. */
  deadLetterPartitions: 3,
  deadLetterRetentionMs: 90 * 24 * 60 * 60 * 1000,
  /** A replay is read within seconds by its group; a week covers a consumer that was down. */
  retryRetentionMs: 7 * 24 * 60 * 60 * 1000,
} as const;
