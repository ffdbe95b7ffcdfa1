import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Customer } from './customer.entity';

/**
 * The customer an id stands for now: the survivor once it was merged, otherwise itself (also when
 * the id is not known yet). Merges are kept flat, so one hop is enough.
 */
export async function resolveCustomerId(manager: EntityManager, customerId: string): Promise<string> {
  const rows: { merged_into: string | null }[] = await manager.query(
    `SELECT merged_into FROM customers WHERE customer_id = $1`,
    [customerId],
  );
  return rows[0]?.merged_into ?? customerId;
}

/** The survivor's id and every id merged into it: whose activity and money count as the survivor's. */
export async function idsOfSurvivor(manager: EntityManager, survivorId: string): Promise<string[]> {
  const rows: { customer_id: string }[] = await manager.query(
    `SELECT customer_id FROM customers WHERE merged_into = $1 ORDER BY customer_id`,
    [survivorId],
  );
  return [survivorId, ...rows.map((row) => row.customer_id)];
}

export class CustomerNotFoundError extends NotFoundException {
  constructor(customerId: string) {
    super(`Customer ${customerId} not found`);
    this.name = 'CustomerNotFoundError';
  }
}

/** The customer `customerId` stands for now (its survivor once merged), locked for the transaction. */
export async function lockSurvivor(manager: EntityManager, customerId: string): Promise<Customer> {
  let current = customerId;
  for (let hop = 0; hop < 2; hop++) {
    const survivorId = await resolveCustomerId(manager, current);
    const customer = await manager.findOne(Customer, { where: { customerId: survivorId }, lock: { mode: 'pessimistic_write' } });
    if (!customer) break;
    if (!customer.mergedInto) return customer;
    current = customer.mergedInto; // merged while we waited for the lock
  }
  throw new CustomerNotFoundError(customerId);
}
