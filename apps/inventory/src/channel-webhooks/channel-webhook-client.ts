import { Webhook } from 'standardwebhooks';

export type SendResult = { delivered: true } | { delivered: false; error: string };

/** One signed POST of `body` to a channel (Standard Webhooks headers); a 2xx delivers it. Never throws. */
export async function sendWebhook(
  target: { url: string; secret: string },
  message: { id: string; body: string },
  timeoutMs: number,
): Promise<SendResult> {
  const sentAt = new Date();
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': new Webhook(target.secret).sign(message.id, sentAt, message.body),
      },
      body: message.body,
      // A redirect would resend the signed body somewhere the channel did not subscribe.
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

function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
