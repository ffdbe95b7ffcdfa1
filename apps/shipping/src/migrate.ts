import { runMigrateCommand } from '@tradeflow/service';
import { shippingMigrations } from './migrations';
import { SERVICE_NAME } from './service-name';

// `npm run migrate -- shipping`; in Kubernetes the init container before the service starts.
runMigrateCommand(SERVICE_NAME, shippingMigrations);
