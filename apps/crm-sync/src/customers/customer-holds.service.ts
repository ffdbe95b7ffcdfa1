import { ConflictException, Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import { SERVICE_NAME } from '../service-name';
import { CustomerDirectoryService } from './customer-directory.service';
import type { HoldChange } from './customer-events';
import { changeHold, publishHoldChange } from './customer-events';
import { lockSurvivor } from './customer-resolution.queries';
import type { CustomerView } from './dto/customer-view.dto';

/** Account holds placed and released through the API (source api); a merged id acts on its survivor. */
@Injectable()
export class CustomerHoldsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: CustomerDirectoryService,
  ) {}

  place(customerId: string, reason: string): Promise<CustomerView> {
    return this.change(customerId, 'place', reason);
  }

  release(customerId: string, reason: string): Promise<CustomerView> {
    return this.change(customerId, 'release', reason);
  }

  private change(customerId: string, change: HoldChange, reason: string): Promise<CustomerView> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async (unit) => {
      const customer = await lockSurvivor(unit.manager, customerId);
      if (customer.onHold === (change === 'place')) {
        const state = customer.onHold ? `already on hold (${customer.holdSource}: ${customer.holdReason})` : 'not on hold';
        throw new ConflictException(`Customer ${customer.customerId} is ${state}`);
      }
      changeHold(customer, change, reason, 'api');
      publishHoldChange(unit, customer, change, reason, 'api');
      await unit.manager.save(customer);
      return this.directory.getCustomer(customerId, unit.manager);
    });
  }
}
