import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { K8sObject } from './manifests';
import { describe, ofKind } from './manifests';
import { serviceDeployments } from './policies';

/*
 * Who may reach a service and where its credentials come from, read from rendered objects only.
 * Each function returns problems as sentences; an empty list means the overlay keeps the rule.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const NAMESPACE_NAME = 'kubernetes.io/metadata.name';
export const MONITORING_NAMESPACE = 'monitoring';

/**
 * The namespaces an overlay admits to the services' HTTP port: the value of its patch of the
 * services' NetworkPolicies (overlays/<overlay>/kustomization.yaml).
 */
export function overlayHttpNamespaces(overlayDir: string): string[] {
  const kustomization = load(readFileSync(join(overlayDir, 'kustomization.yaml'), 'utf8')) as Json;
  const patch = (kustomization.patches ?? []).find((candidate: Json) => candidate.target?.kind === 'NetworkPolicy');
  const operation = ((patch ? load(patch.patch) : []) as Json[]).find((op) => String(op.path).endsWith('/namespaceSelector/matchExpressions/0/values'));
  if (!operation) throw new Error(`${overlayDir} names no namespaces for the services' HTTP port (a NetworkPolicy patch)`);
  return operation.value as string[];
}

/**
 * Each service pod admits its `http` port from exactly `httpNamespaces` and its `metrics` port
 * from exactly the monitoring namespace, over every NetworkPolicy that selects it, and nothing else:
 * no rule without sources or ports, no pod, IP or any-namespace peer.
 */
export function networkAccessProblems(objects: K8sObject[], httpNamespaces: string[]): string[] {
  return serviceDeployments(objects).flatMap((deployment: Json) => {
    const podLabels: Record<string, string> = deployment.spec.template.metadata.labels;
    const portNames = new Map<string | number, string>();
    for (const port of deployment.spec.template.spec.containers[0].ports ?? []) {
      portNames.set(port.name, port.name).set(port.containerPort, port.name);
    }
    const policies = ofKind(objects, 'NetworkPolicy')
      .filter((policy: Json) => Object.entries(policy.spec.podSelector?.matchLabels ?? {}).every(([key, value]) => podLabels[key] === value))
      .filter((policy: Json) => (policy.spec.policyTypes ?? ['Ingress']).includes('Ingress'));
    // Without a policy selecting it, a pod admits everyone.
    if (policies.length === 0) return [`${describe(deployment as K8sObject)}: no NetworkPolicy restricts its ingress`];
    const rules = policies.flatMap((policy: Json) => policy.spec.ingress ?? []);
    const admitted: Record<string, Set<string>> = { http: new Set(), metrics: new Set() };
    const problems: string[] = [];
    for (const rule of rules as Json[]) {
      if (!rule.from?.length) problems.push('an ingress rule admits every source');
      if (!rule.ports?.length) problems.push('an ingress rule admits every port');
      const namespaces = (rule.from ?? []).flatMap((peer: Json) => {
        const names = namesOf(peer.namespaceSelector);
        if (peer.ipBlock || peer.podSelector || !names) problems.push(`an ingress rule admits a peer other than named namespaces: ${JSON.stringify(peer)}`);
        return names ?? [];
      });
      for (const { port } of rule.ports ?? []) {
        const name = portNames.get(port);
        if (name !== 'http' && name !== 'metrics') problems.push(`an ingress rule admits port ${port}, neither http nor metrics`);
        else for (const namespace of namespaces) admitted[name].add(namespace);
      }
    }
    const expect = (port: string, wanted: string[]) => {
      const got = [...admitted[port]].sort();
      if (JSON.stringify(got) !== JSON.stringify([...wanted].sort())) problems.push(`${port} admits namespaces [${got.join(', ')}], not [${wanted.join(', ')}]`);
    };
    expect('http', httpNamespaces);
    expect('metrics', [MONITORING_NAMESPACE]);
    return problems.map((problem) => `${describe(deployment as K8sObject)}: ${problem}`);
  });
}

/** The namespace names a selector admits, or undefined when it is not a list of names (e.g. `{}`: all). */
function namesOf(selector: Json | undefined): string[] | undefined {
  if (!selector) return undefined;
  const labels = Object.keys(selector.matchLabels ?? {});
  const expressions: Json[] = selector.matchExpressions ?? [];
  if (labels.length === 1 && labels[0] === NAMESPACE_NAME && expressions.length === 0) return [selector.matchLabels[NAMESPACE_NAME]];
  const [expression] = expressions;
  if (labels.length === 0 && expressions.length === 1 && expression.key === NAMESPACE_NAME && expression.operator === 'In') return expression.values;
  return undefined;
}

/**
 * Credentials reach a service pod only through Secrets: the issuer (OIDC_ISSUER_URL, required;
 * OIDC_AUDIENCE), the registry's user and password, and every `*_SECRET`, `*_PASSWORD`, API key or
 * database URL with a user or password in it, never as a literal value or in its ConfigMap.
 */
export function credentialProblems(objects: K8sObject[]): string[] {
  // The service's role logs in with PGUSER and PGPASSWORD (from a Secret); its URL names only the cluster.
  const isPlainDatabaseUrl = (variable: Json) => /^DATABASE_URL_/.test(variable.name) && /^postgres(ql)?:\/\/[^@]+$/.test(variable.value ?? '');
  const isCredential = (name: string) => /(_SECRET|_PASSWORD|_API_KEY|^DATABASE_URL_.*|^OIDC_ISSUER_URL|^OIDC_AUDIENCE|^SCHEMA_REGISTRY_USERNAME)$/.test(name);
  return serviceDeployments(objects).flatMap((deployment: Json) => {
    const container: Json = deployment.spec.template.spec.containers[0];
    const env: Json[] = container.env ?? [];
    const configMaps = (container.envFrom ?? []).map((source: Json) => source.configMapRef?.name);
    const config = ofKind(objects, 'ConfigMap').filter((map) => configMaps.includes(map.metadata.name)).flatMap((map: Json) => Object.keys(map.data ?? {}));
    const problems = [
      ...env
        .filter((variable) => isCredential(variable.name) && !variable.valueFrom?.secretKeyRef && !isPlainDatabaseUrl(variable))
        .map((variable) => `${variable.name} is not from a Secret`),
      ...config.filter(isCredential).map((name: string) => `${name} is in a ConfigMap`),
    ];
    for (const required of ['OIDC_ISSUER_URL', 'SCHEMA_REGISTRY_USERNAME', 'SCHEMA_REGISTRY_PASSWORD']) {
      const reference = env.find((variable) => variable.name === required)?.valueFrom?.secretKeyRef;
      if (!reference || reference.optional) problems.push(`${required} is not required from a Secret`);
    }
    return problems.map((problem) => `${describe(deployment as K8sObject)}: ${problem}`);
  });
}

/** The schema registry refuses calls without a credential of the issuer and authorizes by role. */
export function registryAuthProblems(objects: K8sObject[]): string[] {
  const registry = ofKind(objects, 'Deployment').find((deployment) => deployment.metadata.name === 'schema-registry') as Json | undefined;
  if (!registry) return ['no schema-registry Deployment'];
  const env = new Map<string, Json>(registry.spec.template.spec.containers[0].env.map((variable: Json) => [variable.name, variable]));
  const problems: string[] = [];
  for (const flag of ['QUARKUS_OIDC_TENANT_ENABLED', 'APICURIO_AUTHN_BASIC_CLIENT_CREDENTIALS_ENABLED', 'APICURIO_AUTH_ROLE_BASED_AUTHORIZATION']) {
    if (env.get(flag)?.value !== 'true') problems.push(`${flag} is not "true"`);
  }
  if (!env.get('QUARKUS_OIDC_AUTH_SERVER_URL')?.valueFrom?.secretKeyRef) problems.push('QUARKUS_OIDC_AUTH_SERVER_URL is not from a Secret');
  if (env.get('APICURIO_AUTH_ANONYMOUS_READ_ACCESS_ENABLED')?.value === 'true') problems.push('anonymous reads are allowed');
  return problems.map((problem) => `Deployment/schema-registry: ${problem}`);
}
