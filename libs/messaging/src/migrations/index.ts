import { CreateOutboxAndInbox1763856000000 } from './1763856000000-create-outbox-and-inbox';
import { CreateCorrelationTraces1795440000000 } from './1795440000000-create-correlation-traces';

/** Every service runs these with its own migrations: the outbox and inbox live in its database. */
export const messagingMigrations = [CreateOutboxAndInbox1763856000000, CreateCorrelationTraces1795440000000];
