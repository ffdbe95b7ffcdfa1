import { runMigrateCommand } from '@tradeflow/service';
import { CreateFixtureTables1795500000000 } from './fixture-tables.migration';

// The fixture's `apps/<service>/src/migrate.ts`, for the migrations test. It stands in for the order
// service (as its module does), so its database URL is DATABASE_URL_ORDER here.
runMigrateCommand('order', [CreateFixtureTables1795500000000]);
