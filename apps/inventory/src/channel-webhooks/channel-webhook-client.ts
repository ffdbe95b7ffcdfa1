import type { PostResult } from '@tradeflow/platform';
import { postToPartner } from '@tradeflow/platform';
import { Webhook } from 'standardwebhooks';

/** One signed POST of `body` to a channel (Standard Webhooks headers); a 2xx delivers it. Never throws. */
export function sendWebhook(target: { url: string; secret: string }, message: { id: string; body: string }, timeoutMs: number): Promise<PostResult> {
  const sentAt = new Date();
  return postToPartner(target.url, {
    headers: {
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new Webhook(target.secret).sign(message.id, sentAt, message.body),
    },
    body: message.body,
    timeoutMs,
  });
}
