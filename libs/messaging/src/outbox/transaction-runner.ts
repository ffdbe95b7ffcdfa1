import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendToOutbox } from './outbox-writer';
import type { WorkOrigin } from './unit-of-work';
import { UnitOfWork } from './unit-of-work';

/** Runs request-driven work (HTTP) as one transaction whose published events go to the outbox. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(origin: WorkOrigin, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const unit = new UnitOfWork(manager, origin);
      const result = await work(unit);
      await appendToOutbox(manager, unit.events);
      return result;
    });
  }
}
