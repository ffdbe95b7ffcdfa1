import { runMigrateCommand } from '@tradeflow/service';
import { inventoryMigrations } from './migrations';
import { SERVICE_NAME } from './service-name';

// `npm run migrate -- inventory`; in Kubernetes the init container before the service starts.
runMigrateCommand(SERVICE_NAME, inventoryMigrations);
