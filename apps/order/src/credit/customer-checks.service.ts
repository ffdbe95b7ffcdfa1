import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { approveOrder, holdOrder } from '../orders/order-approval';
import { OrderChangesService } from '../orders/order-changes.service';
import { OrderRuleViolation } from '../orders/order-rule-violation';
import { notInvoicedValue } from '../orders/order-value';
import { Order } from '../orders/order.entity';
import type { OrderUnderCheck } from './customer-checks';
import { checkInTurn, checkRaisedOrder } from './customer-checks';
import { customerFacts } from './customer-facts.queries';
import { customerGroup, lockCustomerGroup } from './customer-groups.queries';
import { OPEN_STATUSES } from './exposure';

/**
 * Runs the customer checks (customer-checks.ts) on a new order, and again on held orders whenever
 * something about their customer changes — always under the customer's lock, in the caller's
 * transaction, so the outcome commits with the event or request that caused it.
 */
@Injectable()
export class CustomerChecksService {
  constructor(private readonly changes: OrderChangesService) {}

  /** A just-placed order (PLACED, in this transaction) → OrderApproved or OrderHeld. */
  async checkPlacedOrder(unit: UnitOfWork, orderId: string, customerId: string): Promise<void> {
    const { manager } = unit;
    const survivorId = await lockCustomerGroup(manager, customerId);
    const { standing, exposure } = await customerFacts(manager, survivorId, await customerGroup(manager, survivorId));
    await this.changes.apply(unit, orderId, (order) => {
      const [verdict] = checkInTurn(standing, exposure, [underCheck(order)]);
      if (verdict.approved) return approveOrder(unit, order, 'customer checks passed');
      return holdOrder(unit, order, verdict.reason, verdict.detail);
    });
  }

  /**
   * An amendment raising an order from `previousValueMinor` to what its (changed, not yet written)
   * lines are worth. An open order already holds stock or is being fulfilled, so failing the checks
   * refuses the amendment (409) rather than holding the order; a PLACED or HELD order waits for its
   * own check, which measures its lines as they are then.
   */
  async checkRaisedOrder(manager: EntityManager, order: Order, previousValueMinor: bigint): Promise<void> {
    if (!OPEN_STATUSES.includes(order.status)) return;
    const survivorId = await lockCustomerGroup(manager, order.customerId);
    const { standing, exposure } = await customerFacts(manager, survivorId, await customerGroup(manager, survivorId));
    const verdict = checkRaisedOrder(standing, exposure, { ...underCheck(order), previousValueMinor });
    if (verdict.approved) return;
    throw new OrderRuleViolation(
      'conflict',
      `the amendment would raise the order from ${previousValueMinor} to ${underCheck(order).valueMinor} ${order.currency} (minor units) and fails the customer checks (${verdict.reason}): ${verdict.detail}; the order stays as it was`,
    );
  }

  /**
   * Checks the held orders of `customerId` (resolved to its survivor, merged ids included) again,
   * oldest first, after `cause` changed what is known: each passing one is approved and uses up
   * credit room; one held for another reason now is held again (a new OrderHeld).
   */
  async recheckHeldOrders(unit: UnitOfWork, customerId: string, cause: string): Promise<void> {
    const { manager } = unit;
    const survivorId = await lockCustomerGroup(manager, customerId);
    const group = await customerGroup(manager, survivorId);
    const held = await manager.find(Order, {
      where: { customerId: In(group), status: 'HELD' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (held.length === 0) return;
    const { standing, exposure } = await customerFacts(manager, survivorId, group);
    const verdicts = checkInTurn(standing, exposure, held.map(underCheck));

    for (const [index, { id }] of held.entries()) {
      const verdict = verdicts[index];
      await this.changes.apply(unit, id, async (order) => {
        if (order.status !== 'HELD') return null;
        if (verdict.approved) return approveOrder(unit, order, `customer checks passed after ${cause} (was held: ${order.holdReason})`);
        if (verdict.reason !== order.holdReason) return holdOrder(unit, order, verdict.reason, verdict.detail);
        if (verdict.detail !== order.holdDetail) await manager.update(Order, { id }, { holdDetail: verdict.detail });
        return null;
      });
    }
  }
}

function underCheck(order: Order): OrderUnderCheck {
  return { customerId: order.customerId, currency: order.currency, valueMinor: notInvoicedValue(order.lines) };
}
