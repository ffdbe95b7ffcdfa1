import type { ServiceName } from '@tradeflow/events';

export interface DeployedService {
  name: ServiceName;
  /** The app's own default port (its settings file); the container listens on it in Kubernetes too. */
  port: number;
  /**
   * Settings that are secrets the operator provides in the Secret `<service>-secrets` (never in the
   * repo): required ones keep the pod from starting until they exist; optional ones may be left out.
   */
  secrets?: Record<string, 'required' | 'optional'>;
  /** Calls systems outside the cluster over HTTPS (webhooks to a CRM); everything else is cluster-only. */
  httpsEgress?: boolean;
}

/**
 * The services deployed to Kubernetes. Adding an app is one entry here, then `npm run k8s:generate`:
 * its Deployment, database, Kafka user, ACLs, dead-letter topic and autoscaler follow. A test fails
 * while an app under apps/ tagged type:app is missing here, or a port differs from its settings.
 */
export const DEPLOYED_SERVICES: readonly DeployedService[] = [
  { name: 'order', port: 3001, secrets: { ORDER_BOOTSTRAP_API_KEY: 'optional' } },
  { name: 'inventory', port: 3002 },
  { name: 'invoicing', port: 3003 },
  { name: 'shipping', port: 3004 },
  {
    name: 'crm-sync',
    port: 3005,
    secrets: { CRM_WEBHOOK_SECRET: 'required', CRM_ACTIVITY_SECRET: 'optional' },
    httpsEgress: true,
  },
];
