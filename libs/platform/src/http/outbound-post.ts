export type PostResult = { delivered: true } | { delivered: false; error: string };

/**
 * One POST of a webhook or delivery body to a partner; a 2xx delivers it. Never throws: a refusal,
 * a timeout or a network error comes back as the reason the due-work poller records and retries on.
 */
export async function postToPartner(url: string, request: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<PostResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
      // A redirect would resend the signed body somewhere the partner did not name.
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    if (response.ok) return { delivered: true };
    const text = (await response.text().catch(() => '')).slice(0, 200).trim();
    return { delivered: false, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` };
  } catch (error) {
    return { delivered: false, error: describeFailure(error, request.timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
