import { UnauthorizedException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { VerifiedSignature } from './signed-webhook';

/**
 * Remembers a verified signature until it expires, inside the transaction that applies the webhook,
 * so a failed attempt can be sent again while a replay of an applied one gets 401 and stores nothing.
 */
export async function useWebhookSignature(manager: EntityManager, proof: VerifiedSignature): Promise<void> {
  await manager.query(`DELETE FROM webhook_signatures WHERE expires_at < now()`);
  const stored: unknown[] = await manager.query(
    `INSERT INTO webhook_signatures (signature, expires_at) VALUES ($1, $2)
     ON CONFLICT (signature) DO NOTHING RETURNING signature`,
    [proof.signature, proof.expiresAt],
  );
  if (stored.length === 0) throw new UnauthorizedException('Webhook refused: this signature was already used (replay)');
}
