import type { HoldReason } from '../orders/hold-reason';

/** The customer an order resolves to (the survivor of any merge), as the order service knows it. */
export interface CustomerStanding {
  customerId: string;
  /** A CustomerUpserted arrived for it. */
  known: boolean;
  onHold: boolean;
  holdReason: string | null;
  /** null: no credit limit. */
  creditLimitMinor: number | null;
  currency: string | null;
}

/** What the customer already owes or has on order, in the credit limit's currency only. */
export interface Exposure {
  unpaidInvoicesMinor: bigint;
  /** Not yet invoiced value, tax included, of the customer's open orders (see OPEN_STATUSES). */
  openOrdersMinor: bigint;
}

export interface OrderUnderCheck {
  /** As the order names it; may be a merged id of the standing's customer. */
  customerId: string;
  currency: string;
  /** The order's not yet invoiced value, tax included. */
  valueMinor: bigint;
}

export type Verdict = { approved: true } | { approved: false; reason: HoldReason; detail: string };

const money = (minor: bigint | number, currency: string) => `${minor} ${currency}`;

/**
 * The customer checks of docs/design.md#customer-checks, in this order: unknown customer, account on hold,
 * credit limit. The limit holds when unpaid invoices + open orders + this order > limit, all in
 * the limit's currency; an order in another currency cannot be measured against it (amounts are
 * never converted) and waits too. No limit (null) → no credit check.
 */
export function checkOrder(standing: CustomerStanding | null, exposure: Exposure, order: OrderUnderCheck): Verdict {
  if (!standing?.known) {
    const merged = standing && standing.customerId !== order.customerId ? ` (merged into ${standing.customerId})` : '';
    return held('UNKNOWN_CUSTOMER', `customer ${order.customerId}${merged} is not known yet: no customer record from the CRM`);
  }
  if (standing.onHold) {
    return held('ACCOUNT_HOLD', `account ${standing.customerId} is on hold: ${standing.holdReason ?? 'no reason given'}`);
  }
  const { creditLimitMinor: limit, currency } = standing;
  if (limit === null || currency === null) return { approved: true };
  if (order.currency !== currency) {
    return held(
      'CREDIT_LIMIT_EXCEEDED',
      `the order is in ${order.currency} but the credit limit of ${standing.customerId} is ${money(limit, currency)} (minor units); amounts are never converted`,
    );
  }
  const { unpaidInvoicesMinor: unpaid, openOrdersMinor: open } = exposure;
  const total = unpaid + open + order.valueMinor;
  if (total <= BigInt(limit)) return { approved: true };
  return held(
    'CREDIT_LIMIT_EXCEEDED',
    `unpaid invoices ${unpaid} + open orders ${open} + this order ${order.valueMinor} = ${money(total, currency)} exceeds the credit limit of ${money(limit, currency)} (minor units)`,
  );
}

/**
 * Checks waiting orders in the given order (oldest first). Each approval turns the order into an
 * open one and so uses up room: a later order may stay held where it alone would pass.
 */
export function checkInTurn(standing: CustomerStanding | null, exposure: Exposure, orders: readonly OrderUnderCheck[]): Verdict[] {
  let openOrdersMinor = exposure.openOrdersMinor;
  return orders.map((order) => {
    const verdict = checkOrder(standing, { ...exposure, openOrdersMinor }, order);
    if (verdict.approved && order.currency === standing?.currency) openOrdersMinor += order.valueMinor;
    return verdict;
  });
}

/** An open order an amendment raises: `valueMinor` is its new value, `previousValueMinor` the one the exposure still counts. */
export interface RaisedOrder extends OrderUnderCheck {
  previousValueMinor: bigint;
}

/**
 * An amendment that raises an open order's value passes the checks placing does, the exposure
 * counting the order at its new value instead of its old one (open orders count in the limit's
 * currency only, so only then is the old value taken out).
 */
export function checkRaisedOrder(standing: CustomerStanding | null, exposure: Exposure, order: RaisedOrder): Verdict {
  const counted = order.currency === standing?.currency ? order.previousValueMinor : 0n;
  return checkOrder(standing, { ...exposure, openOrdersMinor: exposure.openOrdersMinor - counted }, order);
}

function held(reason: HoldReason, detail: string): Verdict {
  return { approved: false, reason, detail };
}
