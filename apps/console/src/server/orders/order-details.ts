import { Injectable } from '@nestjs/common';
import type { ServiceName } from '../services/service-client';
import { query, SERVICES, ServiceClient } from '../services/service-client';
import type { ServiceEvent, TimelineEvent } from './order-timeline';
import { mergeTimeline } from './order-timeline';

/** A part the person may not see (their roles) or a service that did not answer: shown as such, not as empty. */
export type Part<T> = { items: T[] } | { error: string; status: number };

export interface OrderDetailView {
  order: unknown;
  shipments: Part<unknown>;
  invoices: Part<unknown>;
  creditNotes: Part<unknown>;
  /** Every event of the order across the services; unavailable parts named in `missing`. */
  timeline: { items: TimelineEvent[]; missing: { service: ServiceName; error: string }[] };
}

/** Everything about one order, read from each service with the person's token. */
@Injectable()
export class OrderDetails {
  constructor(private readonly services: ServiceClient) {}

  async of(token: string, orderId: string): Promise<OrderDetailView> {
    const byOrder = query({ orderId });
    const [order, shipments, invoices, creditNotes, timeline] = await Promise.all([
      this.services.get(token, 'order', `/v1/orders/${orderId}`),
      this.part(token, 'shipping', `/v1/shipments${byOrder}`),
      this.part(token, 'invoicing', `/v1/invoices${byOrder}`),
      this.part(token, 'invoicing', `/v1/credit-notes${byOrder}`),
      this.timeline(token, orderId),
    ]);
    return { order, shipments, invoices, creditNotes, timeline };
  }

  private async part(token: string, service: ServiceName, path: string): Promise<Part<unknown>> {
    const answer = await this.services
      .call<{ items?: unknown[]; message?: string } | unknown[]>(token, service, 'GET', path)
      .catch((error: Error) => ({ status: 503, body: { message: error.message } as { items?: unknown[]; message?: string } }));
    if (answer.status >= 300) return { status: answer.status, error: messageOf(answer.body) ?? `${service} answered ${answer.status}` };
    return { items: Array.isArray(answer.body) ? answer.body : (answer.body?.items ?? []) };
  }

  private async timeline(token: string, orderId: string): Promise<OrderDetailView['timeline']> {
    const answers = await Promise.all(
      SERVICES.map(async (service) => ({ service, part: await this.part(token, service, `/v1/messaging/events${query({ correlationId: orderId })}`) })),
    );
    const events = answers.flatMap(({ service, part }) => ('items' in part ? [{ service, events: part.items as ServiceEvent[] }] : []));
    const missing = answers.flatMap(({ service, part }) => ('error' in part ? [{ service, error: part.error }] : []));
    return { items: mergeTimeline(events), missing };
  }
}

function messageOf(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | undefined)?.message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
}
