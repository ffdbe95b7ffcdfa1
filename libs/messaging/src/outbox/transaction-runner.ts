import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_MAX_RECORD_BYTES } from '../kafka/record-size';
import { commitUnits } from './commit-units';
import type { WorkOrigin } from './unit-of-work';
import { UnitOfWork } from './unit-of-work';

/** Provided by MessagingModule from KAFKA_MAX_RECORD_BYTES. */
export const MAX_RECORD_BYTES = Symbol('MAX_RECORD_BYTES');

/** Runs request-driven work (HTTP) as one transaction whose published events go to the outbox. */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(MAX_RECORD_BYTES) private readonly maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
  ) {}

  run<T>(origin: WorkOrigin, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const unit = new UnitOfWork(manager, origin);
      const result = await work(unit);
      await commitUnits(manager, [unit], this.maxRecordBytes);
      return result;
    });
  }
}
