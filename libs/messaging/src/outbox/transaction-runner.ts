import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentAuditedAction } from '../audit/audited-action';
import { recordAudit } from '../audit/audit-trail.queries';
import { DEFAULT_MAX_RECORD_BYTES } from '../kafka/record-size';
import { commitUnits } from './commit-units.queries';
import type { WorkOrigin } from './unit-of-work';
import { UnitOfWork } from './unit-of-work';

/** Provided by MessagingModule from KAFKA_MAX_RECORD_BYTES. */
export const MAX_RECORD_BYTES = Symbol('MAX_RECORD_BYTES');

/**
 * Runs request-driven work (HTTP) as one transaction whose published events go to the outbox. A
 * request to an audited route (AuditInterceptor) gets its audit record in the first transaction it
 * commits, so the action and its record cannot exist without each other.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(MAX_RECORD_BYTES) private readonly maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
  ) {}

  async run<T>(origin: WorkOrigin, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const audited = currentAuditedAction();
    const recordsAudit = audited !== undefined && !audited.recorded;
    const result = await this.dataSource.transaction(async (manager) => {
      const unit = new UnitOfWork(manager, origin);
      const outcome = await work(unit);
      if (recordsAudit) await recordAudit(unit, audited);
      await commitUnits(manager, [unit], this.maxRecordBytes);
      return outcome;
    });
    if (recordsAudit) audited.recorded = true;
    return result;
  }
}
