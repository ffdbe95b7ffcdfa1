import { runMigrateCommand } from '@tradeflow/service';
import { invoicingMigrations } from './migrations';
import { SERVICE_NAME } from './service-name';

// `npm run migrate -- invoicing`; in Kubernetes the init container before the service starts.
runMigrateCommand(SERVICE_NAME, invoicingMigrations);
