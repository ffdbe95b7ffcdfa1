import { Injectable, UnauthorizedException } from '@nestjs/common';
import { TransactionRunner } from '@tradeflow/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CustomerInput, UpsertOutcome } from '../customers/customer-upsert.service';
import { CustomerUpsertService } from '../customers/customer-upsert.service';
import { SERVICE_NAME } from '../service-name';
import type { VerifiedSignature } from './raw-body';

@Injectable()
export class CrmWebhooksService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly customers: CustomerUpsertService,
  ) {}

  /** A verified customer webhook: its signature is used up and the customer upserted, in one transaction. */
  receiveCustomer(customer: CustomerInput, proof: VerifiedSignature): Promise<UpsertOutcome> {
    return this.transactions.run({ producer: SERVICE_NAME, correlationId: randomUUID() }, async (unit) => {
      await this.useSignature(unit.manager, proof);
      return this.customers.upsert(unit, customer);
    });
  }

  /** Remembers the signature until it expires; one already remembered is a replay → 401, nothing stored. */
  private async useSignature(manager: EntityManager, proof: VerifiedSignature): Promise<void> {
    await manager.query(`DELETE FROM crm_webhook_signatures WHERE expires_at < now()`);
    const stored: unknown[] = await manager.query(
      `INSERT INTO crm_webhook_signatures (signature, expires_at) VALUES ($1, $2)
       ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [proof.signature, proof.expiresAt],
    );
    if (stored.length === 0) throw new UnauthorizedException('Webhook refused: this signature was already used (replay)');
  }
}
