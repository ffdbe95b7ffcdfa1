import { labels, PLATFORM } from './platform';

type Manifest = Record<string, unknown>;

export const SCHEMA_REGISTRATION = 'schema-registration';
/** The operator's Secret with a registry client of role sr-admin (it sets compatibility levels). */
export const SCHEMA_REGISTRATION_SECRET = 'schema-registration-secrets';
const COMMAND = 'libs/events/src/registration/register-schemas.command.js';
const UID = 1000;

/**
 * `npm run schemas:register` as a Job: every catalogue schema registered, each subject
 * FULL_TRANSITIVE, so the services (SCHEMA_AUTO_REGISTER=false) only look ids up. It runs from the
 * order service's image, which carries libs/events like every service image. A Job's template cannot
 * change once created, so its name carries the version: each release registers anew.
 */
export function schemaRegistrationManifests(version: string): Manifest[] {
  const name = `${SCHEMA_REGISTRATION}-${version.replace(/[^a-z0-9]+/gi, '-')}`;
  const podLabels = labels(SCHEMA_REGISTRATION, SCHEMA_REGISTRATION);
  const fromSecret = (key: string) => ({ name: key, valueFrom: { secretKeyRef: { name: SCHEMA_REGISTRATION_SECRET, key } } });
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels: podLabels },
    spec: {
      // The registry may still be starting: retried with the Job's own backoff.
      backoffLimit: 10,
      ttlSecondsAfterFinished: 7 * 24 * 60 * 60,
      template: {
        metadata: { labels: podLabels },
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: UID, runAsGroup: UID, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: SCHEMA_REGISTRATION,
              image: `tradeflow/order:${version}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['node', '--enable-source-maps', COMMAND],
              env: [
                { name: 'SCHEMA_REGISTRY_URL', value: PLATFORM.schemaRegistryUrl },
                fromSecret('SCHEMA_REGISTRY_USERNAME'),
                fromSecret('SCHEMA_REGISTRY_PASSWORD'),
              ],
              resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '500m', memory: '192Mi' } },
              securityContext: {
                runAsNonRoot: true,
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  };
  // Out: the registry and DNS only; nothing comes in.
  const networkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: SCHEMA_REGISTRATION, labels: podLabels },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': SCHEMA_REGISTRATION } },
      policyTypes: ['Ingress', 'Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'schema-registry' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  };
  return [job, networkPolicy];
}
