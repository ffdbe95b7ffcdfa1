import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import type { Order } from './order.entity';

/** INVOICE adds to what the customer owes; PAYMENT and CREDIT_NOTE take away. */
export type LedgerKind = 'INVOICE' | 'PAYMENT' | 'CREDIT_NOTE';

/** One of invoicing's money documents, as the customer's ledger books it. */
export interface LedgerDocument {
  entryId: string;
  kind: LedgerKind;
  customerId: string;
  currency: string;
  amountMinor: number;
  orderId: string;
  at: Date;
}

/**
 * Credit control as the order use cases call it. It lives in credit/, which builds on this kernel
 * (its checks approve and hold orders through OrderChangesService), so the use cases inject this
 * class, bound by the global CreditModule, instead of importing credit/: a feature folder imports
 * only itself and the kernel, and no two features can import each other in a circle.
 */
export abstract class CreditControl {
  /**
   * Serialises every decision about one customer's orders for the rest of the transaction and
   * answers the survivor `customerId` resolves to. Take it before locking an order, as the
   * checks do, so neither waits on the other in a circle.
   */
  abstract lockCustomer(manager: EntityManager, customerId: string): Promise<string>;

  /** The survivor `customerId` resolves to and every id merged into it: whose orders count as its own. */
  abstract customerGroup(manager: EntityManager, customerId: string): Promise<string[]>;

  /** A just-placed order (PLACED, in this transaction) → OrderApproved or OrderHeld. */
  abstract checkPlacedOrder(unit: UnitOfWork, orderId: string, customerId: string): Promise<void>;

  /**
   * An amendment raises `order` (locked, its lines changed but not yet written) from
   * `previousValueMinor`: an open order that now fails the customer checks is refused with an
   * OrderRuleViolation (409) naming the limit and the exposure. Take the customer's lock first.
   */
  abstract checkRaisedOrder(manager: EntityManager, order: Order, previousValueMinor: bigint): Promise<void>;

  /** Credit room was freed (an order cancelled or amended down): the customer's held orders are checked again, oldest first. */
  abstract recheckHeldOrders(unit: UnitOfWork, customerId: string, cause: string): Promise<void>;

  /** Books a money document once; a payment or credit note frees credit room, so held orders are checked again. */
  abstract book(unit: UnitOfWork, document: LedgerDocument, cause: string): Promise<void>;
}
