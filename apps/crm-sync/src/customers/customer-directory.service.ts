import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service';
import { Customer } from './customer.entity';
import { CustomerNotFoundError, idsOfSurvivor } from './customer-resolution.queries';
import { toCustomerView } from './customer-view';
import type { CustomerView, DuplicateView } from './dto/customer-view.dto';

interface DuplicateRow {
  customer_id: string;
  duplicate_of_customer_id: string;
  matched_on: string;
  detected_at: Date;
  merged: boolean;
}

/** Reading the customer master: one customer (resolved through merges) and the duplicate list. */
@Injectable()
export class CustomerDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
  ) {}

  async getCustomer(customerId: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerView> {
    const requested = await manager.findOneBy(Customer, { customerId });
    if (!requested) throw new CustomerNotFoundError(customerId);
    const customer = requested.mergedInto
      ? await manager.findOneByOrFail(Customer, { customerId: requested.mergedInto })
      : requested;
    const ids = await idsOfSurvivor(manager, customer.customerId);
    const totals = await this.activities.accountTotals(manager, ids);
    return toCustomerView(customer, { requested, mergedCustomerIds: ids.slice(1), totals });
  }

  /** Every pair found, newest first; MERGED once both ids resolve to the same customer. */
  async listDuplicates(): Promise<DuplicateView[]> {
    const rows: DuplicateRow[] = await this.dataSource.query(`
      SELECT d.customer_id, d.duplicate_of_customer_id, d.matched_on, d.detected_at,
             coalesce(a.merged_into, a.customer_id) = coalesce(b.merged_into, b.customer_id) AS merged
        FROM customer_duplicates d
        JOIN customers a ON a.customer_id = d.customer_id
        JOIN customers b ON b.customer_id = d.duplicate_of_customer_id
       ORDER BY d.id DESC`);
    return rows.map((row) => ({
      customerId: row.customer_id,
      duplicateOfCustomerId: row.duplicate_of_customer_id,
      matchedOn: row.matched_on,
      detectedAt: new Date(row.detected_at).toISOString(),
      status: row.merged ? 'MERGED' : 'OPEN',
    }));
  }
}
