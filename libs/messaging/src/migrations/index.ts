import { CreateOutboxAndInbox1763856000000 } from './1763856000000-create-outbox-and-inbox';
import { CreateCorrelationTraces1795440000000 } from './1795440000000-create-correlation-traces';
import { CreateAuditRecords1796500100000 } from './1796500100000-create-audit-records';
import { IndexOutboxCorrelation1796700000000 } from './1796700000000-index-outbox-correlation';
import { IndexRetention1797000000000 } from './1797000000000-index-retention';

/** Every service runs these with its own migrations: the outbox, inbox and audit trail live in its database. */
export const messagingMigrations = [CreateOutboxAndInbox1763856000000, CreateCorrelationTraces1795440000000, CreateAuditRecords1796500100000, IndexOutboxCorrelation1796700000000, IndexRetention1797000000000];
