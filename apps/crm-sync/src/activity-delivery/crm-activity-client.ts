import { Injectable } from '@nestjs/common';
import { CrmSyncSettings } from '../crm-sync-settings';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from '@tradeflow/platform';

/** The id of the activity, so the CRM can drop a repeat (delivery is at least once). */
export const ACTIVITY_ID_HEADER = 'x-tradeflow-activity-id';

/** What the CRM receives for one activity. */
export interface ActivityMessage {
  activityId: string;
  eventId: string;
  type: string;
  customerId: string;
  orderId: string;
  occurredAt: string;
  summary: string;
  details: Record<string, unknown>;
  amountMinor: number | null;
  currency: string | null;
}

export type DeliveryResult = { delivered: true } | { delivered: false; error: string };

/** POSTs activity to CRM_ACTIVITY_URL, signed like the CRM's own webhooks. Never throws. */
@Injectable()
export class CrmActivityClient {
  constructor(private readonly settings: CrmSyncSettings) {}

  async send(message: ActivityMessage): Promise<DeliveryResult> {
    const { CRM_ACTIVITY_URL: url, CRM_ACTIVITY_SECRET: secret, CRM_ACTIVITY_TIMEOUT_MS: timeoutMs } = this.settings;
    if (!url || !secret) return { delivered: false, error: 'no CRM_ACTIVITY_URL configured' };
    const body = JSON.stringify(message);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(secret.reveal(), timestamp, body),
          [ACTIVITY_ID_HEADER]: message.activityId,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return { delivered: true };
      const text = (await response.text().catch(() => '')).slice(0, 200).trim();
      return { delivered: false, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
    } catch (error) {
      return { delivered: false, error: describeFailure(error, timeoutMs) };
    }
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
