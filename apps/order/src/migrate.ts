import { runMigrateCommand } from '@tradeflow/service';
import { orderMigrations } from './migrations';
import { SERVICE_NAME } from './orders/service-name';

// `npm run migrate -- order`; in Kubernetes the init container before the service starts.
runMigrateCommand(SERVICE_NAME, orderMigrations);
