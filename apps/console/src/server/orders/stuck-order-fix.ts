import { BadRequestException, Injectable } from '@nestjs/common';
import { ok, query, SERVICES, ServiceClient } from '../services/service-client';

/** The actions GET /v1/orders/stuck proposes, each done here with the person's token. */
export const FIX_ACTIONS = ['approve', 'retry-label', 'replay-dead-letter'] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

export interface FixOutcome {
  action: FixAction;
  /** What was done, one line per thing touched, for the page to show. */
  done: string[];
}

/**
 * Fixes one stuck order the way its reason asks: approve a held order (credit), retry its failed
 * labels (ops, warehouse), or replay the dead letters keyed by it (ops). The services check the roles.
 */
@Injectable()
export class StuckOrderFix {
  constructor(private readonly services: ServiceClient) {}

  async fix(token: string, orderId: string, action: FixAction, reason: string): Promise<FixOutcome> {
    if (action === 'approve') {
      await this.services.post(token, 'order', `/v1/orders/${orderId}/approve`, { reason });
      return { action, done: [`order ${orderId} approved`] };
    }
    if (action === 'retry-label') return { action, done: await this.retryLabels(token, orderId) };
    return { action, done: await this.replayLetters(token, orderId, reason) };
  }

  private async retryLabels(token: string, orderId: string): Promise<string[]> {
    // By order, shipping answers the order's shipments as a plain list.
    const shipments = await this.services.get<{ id: string; status: string }[]>(token, 'shipping', `/v1/shipments${query({ orderId })}`);
    const failed = shipments.filter((shipment) => shipment.status === 'LABEL_FAILED');
    if (failed.length === 0) throw new BadRequestException('no shipment of this order has a failed label any more');
    for (const shipment of failed) await this.services.post(token, 'shipping', `/v1/shipments/${shipment.id}/retry-label`, {});
    return failed.map((shipment) => `label of shipment ${shipment.id} asked for again`);
  }

  private async replayLetters(token: string, orderId: string, justification: string): Promise<string[]> {
    const done: string[] = [];
    for (const service of SERVICES) {
      const listed = ok(service, await this.services.call<{ items?: Letter[]; deadLetters?: Letter[] }>(token, service, 'GET', '/v1/dead-letters?limit=500'));
      const ids = (listed.items ?? listed.deadLetters ?? []).filter((letter) => letter.key === orderId && !letter.replayedAt && !letter.dismissedAt).map((letter) => letter.id);
      if (ids.length === 0) continue;
      await this.services.post(token, service, '/v1/dead-letters/replay', { ids, justification });
      done.push(`${ids.length} dead letter(s) of ${service} replayed`);
    }
    if (done.length === 0) throw new BadRequestException('no dead letter names this order any more');
    return done;
  }
}

interface Letter {
  id: string;
  key: string | null;
  replayedAt?: string | null;
  dismissedAt?: string | null;
}
