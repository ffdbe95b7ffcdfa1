import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RememberedTraces } from '../telemetry/correlation-traces';
import { appendToOutbox } from './outbox-writer.queries';
import type { DeferredInsert, UnitOfWork } from './unit-of-work';

/** Postgres takes at most 65,535 parameters per statement: a thousand rows of up to 65 columns stay below. */
const ROWS_PER_STATEMENT = 1000;

/**
 * The last writes of a transaction, just before commit: the rows its units left for later, one
 * insert per entity in the order they were left, then their events into the outbox.
 * `remembered`: the correlations' traces the transaction already read (see continueCorrelationTraces).
 */
export async function commitUnits(
  manager: EntityManager,
  units: readonly UnitOfWork[],
  maxRecordBytes?: number,
  remembered?: RememberedTraces,
): Promise<void> {
  await insertDeferred(manager, units.flatMap((unit) => unit.deferredInserts));
  await appendToOutbox(
    manager,
    units.flatMap((unit) => unit.outboxEntries),
    maxRecordBytes,
    remembered,
  );
}

async function insertDeferred(manager: EntityManager, inserts: readonly DeferredInsert[]): Promise<void> {
  const byTarget = new Map<EntityTarget<ObjectLiteral>, QueryDeepPartialEntity<ObjectLiteral>[]>();
  for (const { target, rows } of inserts) {
    const pending = byTarget.get(target) ?? [];
    for (const row of rows) pending.push(row);
    byTarget.set(target, pending);
  }
  for (const [target, rows] of byTarget) {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      // Without RETURNING: nobody reads the generated columns back.
      await manager
        .createQueryBuilder()
        .insert()
        .into(target)
        .values(rows.slice(start, start + ROWS_PER_STATEMENT))
        .updateEntity(false)
        .execute();
    }
  }
}
