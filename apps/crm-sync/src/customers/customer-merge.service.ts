import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { SERVICE_NAME } from '../service-name';
import { CustomerDirectoryService } from './customer-directory.service';
import { publishCustomerEvent } from './customer-events';
import { Customer } from './customer.entity';
import { CustomerNotFoundError } from './customer-resolution.queries';
import type { CustomerView } from './dto/customer-view.dto';

@Injectable()
export class CustomerMergeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: CustomerDirectoryService,
  ) {}

  /**
   * Folds `mergedId` into `survivorId` → CustomerMerged. The merged row stays (history) and points
   * at the survivor, as do ids merged into it before, so every id resolves in one hop. Merging the
   * same pair again answers the same; anything else already merged → 409.
   */
  merge(survivorId: string, mergedId: string): Promise<CustomerView> {
    if (survivorId === mergedId) throw new BadRequestException('A customer cannot be merged into itself');
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async (unit) => {
      const { manager } = unit;
      const rows = await manager.find(Customer, {
        where: { customerId: In([survivorId, mergedId]) },
        order: { customerId: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const survivor = rows.find((row) => row.customerId === survivorId);
      const merged = rows.find((row) => row.customerId === mergedId);
      if (!survivor) throw new CustomerNotFoundError(survivorId);
      if (!merged) throw new CustomerNotFoundError(mergedId);
      if (merged.mergedInto === survivorId) return this.directory.getCustomer(survivorId, manager);
      if (survivor.mergedInto) {
        throw new ConflictException(`${survivorId} was itself merged into ${survivor.mergedInto}; merge into that customer`);
      }
      if (merged.mergedInto) throw new ConflictException(`${mergedId} was already merged into ${merged.mergedInto}`);

      const mergedAt = new Date();
      await manager.update(Customer, { mergedInto: mergedId }, { mergedInto: survivorId });
      await manager.update(Customer, mergedId, { mergedInto: survivorId, mergedAt });
      publishCustomerEvent(unit, survivor, 'CustomerMerged', { customerId: survivorId, mergedCustomerId: mergedId });
      await manager.update(Customer, survivorId, { version: survivor.version });
      return this.directory.getCustomer(survivorId, manager);
    });
  }
}
