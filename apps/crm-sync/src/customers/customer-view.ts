import type { AccountTotals } from '../activities/account-summary';
import { emptyTotals } from '../activities/account-summary';
import type { Customer } from './customer.entity';
import type { CustomerView, HoldView } from './dto/customer-view.dto';

export interface CustomerViewInput {
  /** The row asked for: the customer itself, or one merged into it. */
  requested: Customer;
  mergedCustomerIds: string[];
  totals: AccountTotals[];
}

export function toCustomerView(customer: Customer, { requested, mergedCustomerIds, totals }: CustomerViewInput): CustomerView {
  const own = totals.find((entry) => entry.currency === customer.currency) ?? emptyTotals(customer.currency);
  const resolvedFrom =
    requested.customerId === customer.customerId
      ? null
      : {
          customerId: requested.customerId,
          mergedAt: (requested.mergedAt ?? customer.updatedAt).toISOString(),
          message: `${requested.customerId} was merged into ${customer.customerId}`,
        };
  return {
    customerId: customer.customerId,
    resolvedFrom,
    mergedCustomerIds,
    name: customer.name,
    email: customer.email,
    taxId: customer.taxId,
    status: customer.status,
    crmStatus: customer.crmStatus,
    hold: customer.onHold ? holdOf(customer) : null,
    creditLimitMinor: customer.creditLimitMinor,
    currency: customer.currency,
    paymentTermsDays: customer.paymentTermsDays,
    crmUpdatedAt: customer.crmUpdatedAt.toISOString(),
    lifetimeRevenueMinor: own.lifetimeRevenueMinor,
    openBalanceMinor: own.openBalanceMinor,
    totals,
  };
}

function holdOf(customer: Customer): HoldView {
  return {
    reason: customer.holdReason ?? '',
    source: customer.holdSource ?? 'api',
    since: (customer.holdChangedAt ?? customer.updatedAt).toISOString(),
  };
}
