import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import type { VerifiedSignature } from '@tradeflow/platform';
import { useWebhookSignature } from '@tradeflow/platform';
import { randomUUID } from 'node:crypto';
import type { CustomerInput, UpsertOutcome } from '../customers/customer-upsert.service';
import { CustomerUpsertService } from '../customers/customer-upsert.service';
import { SERVICE_NAME } from '../service-name';

@Injectable()
export class CrmWebhooksService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly customers: CustomerUpsertService,
  ) {}

  /** A verified customer webhook: its signature is used up (a replay → 401) and the customer upserted, in one transaction. */
  receiveCustomer(customer: CustomerInput, proof: VerifiedSignature): Promise<UpsertOutcome> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async (unit) => {
      await useWebhookSignature(unit.manager, proof);
      return this.customers.upsert(unit, customer);
    });
  }
}
