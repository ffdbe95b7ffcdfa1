import type { Manifest } from './service-names';
import { metadata, names, selector } from './service-names';
import type { DeployedService } from './services';

/** The service's own Postgres, run by CloudNativePG; the overlays set the instance count. */
export function databaseCluster(service: DeployedService): Manifest {
  const { database: name, databaseIdentifier, serviceRole, serviceRoleSecret } = names(service.name);
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: metadata(name, service, 'database'),
    spec: {
      description: `The ${service.name} service's own database; no other service reads it.`,
      instances: 1,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:17.6',
      enableSuperuserAccess: false,
      // The owner migrates (the pods' init container); the service runs as a role of its own, granted
      // row access by each migration run, with no right to change the schema.
      bootstrap: { initdb: { database: databaseIdentifier, owner: databaseIdentifier } },
      managed: {
        roles: [
          {
            name: serviceRole,
            ensure: 'present',
            login: true,
            passwordSecret: { name: serviceRoleSecret },
            comment: `the ${service.name} service at run time: rows only`,
          },
        ],
      },
      storage: { size: '5Gi' },
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    },
  };
}

/**
 * Only the service reaches its database. The instances talk to each other (replication, the
 * instance manager on 8000) and the CloudNativePG operator, in its default namespace, polls 8000.
 */
export function databaseNetworkPolicy(service: DeployedService): Manifest {
  const { database: cluster } = names(service.name);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(cluster, service, 'database'),
    spec: {
      podSelector: { matchLabels: { 'cnpg.io/cluster': cluster } },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ podSelector: selector(service) }], ports: [{ protocol: 'TCP', port: 5432 }] },
        { from: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': cluster } } }] },
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }],
          ports: [{ protocol: 'TCP', port: 8000 }],
        },
      ],
    },
  };
}
