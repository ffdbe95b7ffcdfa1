import { CreateCrmSync1795431550385 } from './1795431550385-create-crm-sync';
import { DropCrmWebhookSignatures1796650696501 } from './1796650696501-drop-crm-webhook-signatures';

/** The crm-sync service's own migrations, in the order they run (after the shared tables'): its AppModule and `npm run migrate -- crm-sync` use this list. */
export const crmSyncMigrations: Function[] = [CreateCrmSync1795431550385, DropCrmWebhookSignatures1796650696501];
