import { runMigrateCommand } from '@tradeflow/service';
import { crmSyncMigrations } from './migrations';
import { SERVICE_NAME } from './service-name';

// `npm run migrate -- crm-sync`; in Kubernetes the init container before the service starts.
runMigrateCommand(SERVICE_NAME, crmSyncMigrations);
