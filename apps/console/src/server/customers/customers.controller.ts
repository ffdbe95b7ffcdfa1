import { Controller, Get, Param } from '@nestjs/common';
import { Allow } from '@tradeflow/platform';
import { Matches } from 'class-validator';
import { CurrentSession } from '../session/current-session.decorator';
import type { Session } from '../session/session-store';
import type { ServiceName } from '../services/service-client';
import { query, ServiceClient } from '../services/service-client';
import type { InvoicePage } from './customer-invoices';
import { customerInvoices } from './customer-invoices';

export class CustomerParams {
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'customer id must be an id' }) id!: string;
}

/** What customer service needs on a call: master data and holds, credit and exposure, orders, invoices, CRM deliveries. */
@Controller('api/customers')
export class CustomersController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':id')
  @Allow(['credit', 'finance', 'ops', 'auditor'])
  async customer(@CurrentSession() session: Session, @Param() { id }: CustomerParams) {
    const read = async (service: ServiceName, path: string) => {
      const answer = await this.services.call<unknown>(session.accessToken, service, 'GET', path);
      return answer.status === 200 ? { value: answer.body } : { error: `${service} answered ${answer.status}`, status: answer.status };
    };
    const encoded = encodeURIComponent(id);
    const [master, account, orders, invoicePage, activities] = await Promise.all([
      read('crm-sync', `/v1/customers/${encoded}`),
      read('order', `/v1/customer-accounts/${encoded}`),
      read('order', `/v1/orders${query({ customerId: id, limit: 50 })}`),
      // Invoices keep the customer id they were issued to: after a CRM merge, the merged id's page shows them.
      read('invoicing', `/v1/invoices${query({ customerId: id, limit: 500 })}`),
      read('crm-sync', `/v1/crm/activities${query({ customerId: id })}`),
    ]);
    const invoices = 'value' in invoicePage ? { value: customerInvoices(invoicePage.value as InvoicePage) } : invoicePage;
    return { id, master, account, orders, invoices, activities };
  }
}
