import type { EventPayload } from '@tradeflow/events';
import type { UnitOfWork } from '@tradeflow/messaging';
import type { Customer } from './customer.entity';
import type { HoldSource } from './customer-rules';

type CustomerEventType =
  | 'CustomerUpserted'
  | 'CustomerDuplicateDetected'
  | 'CustomerMerged'
  | 'AccountHoldPlaced'
  | 'AccountHoldReleased';

/** Publishes an event of `customer`'s aggregate with the next version; the caller saves the customer. */
export function publishCustomerEvent<T extends CustomerEventType>(
  unit: UnitOfWork,
  customer: Customer,
  type: T,
  payload: EventPayload<T>,
): void {
  customer.version += 1;
  unit.publish(type, payload, { id: customer.customerId, version: customer.version });
}

export function publishUpserted(unit: UnitOfWork, customer: Customer): void {
  publishCustomerEvent(unit, customer, 'CustomerUpserted', {
    customerId: customer.customerId,
    name: customer.name,
    email: customer.email,
    taxId: customer.taxId,
    status: customer.status,
    creditLimitMinor: customer.creditLimitMinor,
    currency: customer.currency,
    paymentTermsDays: customer.paymentTermsDays,
    updatedAt: customer.crmUpdatedAt.getTime(),
  });
}

export type HoldChange = 'place' | 'release';

/** Sets the hold state only; `publishHoldChange` tells the others. */
export function changeHold(customer: Customer, change: HoldChange, reason: string, source: HoldSource): void {
  const onHold = change === 'place';
  Object.assign(customer, {
    onHold,
    holdReason: onHold ? reason : null,
    holdSource: onHold ? source : null,
    holdChangedAt: new Date(),
  });
}

export function publishHoldChange(
  unit: UnitOfWork,
  customer: Customer,
  change: HoldChange,
  reason: string,
  source: HoldSource,
): void {
  const payload = { customerId: customer.customerId, reason, source };
  if (change === 'place') publishCustomerEvent(unit, customer, 'AccountHoldPlaced', payload);
  else publishCustomerEvent(unit, customer, 'AccountHoldReleased', payload);
}
