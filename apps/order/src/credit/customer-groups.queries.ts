import type { EntityManager } from 'typeorm';
import { CustomerAccount } from './customer-account.entity';

/** Merges are followed through on arrival, so one hop suffices; the bound only stops a corrupt loop. */
const MAX_HOPS = 8;

/**
 * Serialises every decision about one customer's orders — checking a new order, re-checking held
 * ones, booking money — for the rest of the transaction, and returns the survivor `customerId`
 * resolves to. Locks are taken along the merge chain (merged id, then survivor), the same order a
 * merge takes them in, and the chain is read again after each lock, so a merge committing
 * meanwhile is followed rather than missed. The walk runs in Postgres (migration
 * LockCustomerGroup1797000100000): one round trip, where a statement per lock and per read made
 * this the order service's most frequent pair of statements.
 */
export async function lockCustomerGroup(manager: EntityManager, customerId: string): Promise<string> {
  const [{ survivor }]: { survivor: string }[] = await manager.query(`SELECT lock_customer_group($1) AS survivor`, [customerId]);
  return survivor;
}

/** The survivor `customerId` resolves to, without locking (reads). */
export async function resolveCustomer(manager: EntityManager, customerId: string): Promise<string> {
  let current = customerId;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const next = await mergedInto(manager, current);
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

/** The survivor and every id merged into it: whose orders and invoices count as the survivor's. */
export async function customerGroup(manager: EntityManager, survivorId: string): Promise<string[]> {
  const merged = await manager.find(CustomerAccount, { select: { customerId: true }, where: { mergedInto: survivorId } });
  return [survivorId, ...merged.map((account) => account.customerId).sort()];
}

async function mergedInto(manager: EntityManager, customerId: string): Promise<string | null> {
  const account = await manager.findOne(CustomerAccount, { select: { customerId: true, mergedInto: true }, where: { customerId } });
  return account?.mergedInto ?? null;
}
