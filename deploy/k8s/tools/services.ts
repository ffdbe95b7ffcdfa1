import type { ServiceName } from '@tradeflow/events';

export interface DeployedService {
  name: ServiceName;
  /** The app's own default port (its settings file); the container listens on it in Kubernetes too. */
  port: number;
  /**
   * Settings that are secrets the operator provides in the Secret `<service>-secrets` (never in the
   * repo), besides the registry credentials every service has there: required ones keep the pod
   * from starting until they exist; optional ones may be left out (`*_PREVIOUS_SECRET` only during
   * a rotation).
   */
  secrets?: Record<string, 'required' | 'optional'>;
}

/**
 * The services deployed to Kubernetes. Adding an app is one entry here, then `npm run k8s:generate`:
 * its Deployment, database, Kafka user, ACLs, dead-letter topic and autoscaler follow. A test fails
 * while an app under apps/ tagged type:app is missing here, or a port differs from its settings.
 */
export const DEPLOYED_SERVICES: readonly DeployedService[] = [
  { name: 'order', port: 3001, secrets: { ORDER_BOOTSTRAP_API_KEY: 'optional' } },
  { name: 'inventory', port: 3002 },
  {
    name: 'invoicing',
    port: 3003,
    secrets: { PAYMENT_PROVIDER_WEBHOOK_SECRET: 'required', PAYMENT_PROVIDER_WEBHOOK_PREVIOUS_SECRET: 'optional' },
  },
  { name: 'shipping', port: 3004, secrets: { CARRIER_WEBHOOK_SECRET: 'required', CARRIER_WEBHOOK_PREVIOUS_SECRET: 'optional' } },
  {
    name: 'crm-sync',
    port: 3005,
    secrets: { CRM_WEBHOOK_SECRET: 'required', CRM_WEBHOOK_PREVIOUS_SECRET: 'optional', CRM_ACTIVITY_SECRET: 'optional' },
  },
];
