import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomerAccount } from './customer-account.entity';
import { exposureIn } from './customer-facts.queries';
import { customerGroup, resolveCustomer } from './customer-groups.queries';
import type { CustomerAccountView } from './dto/customer-account-view.dto';

@Injectable()
export class CustomerAccountsService {
  constructor(private readonly dataSource: DataSource) {}

  /** What the customer checks see for `customerId`: its survivor's standing and what the group owes or has on order. */
  async view(customerId: string): Promise<CustomerAccountView> {
    const { manager } = this.dataSource;
    const survivorId = await resolveCustomer(manager, customerId);
    const account = await manager.findOneBy(CustomerAccount, { customerId: survivorId });
    if (!account) throw new NotFoundException(`Customer ${customerId} is not known to the order service`);
    const group = await customerGroup(manager, survivorId);
    const exposure = account.currency ? await exposureIn(manager, group, account.currency) : null;
    return {
      customerId,
      survivorId,
      mergedIds: group.slice(1),
      known: account.known,
      onHold: account.onHold,
      holdReason: account.holdReason,
      creditLimitMinor: account.creditLimitMinor,
      currency: account.currency,
      unpaidInvoicesMinor: Number(exposure?.unpaidInvoicesMinor ?? 0n),
      openOrdersMinor: Number(exposure?.openOrdersMinor ?? 0n),
    };
  }
}
