/** Provided by a service whose routes take channel API keys (`@Allow(..., { channelScope })`): the order service. */
export const CHANNEL_KEYS = Symbol('CHANNEL_KEYS');

export interface ChannelKeys {
  /** The key's channel and scopes, or null when the key is unknown or revoked. */
  authenticate(key: string): Promise<{ channel: string; scopes: string[] } | null>;
}

/** Provided by a service that receives signed webhooks (`@SignedBy(partner)`). */
export const WEBHOOK_PARTNERS = Symbol('WEBHOOK_PARTNERS');

export interface WebhookPartner {
  /** The current secret and, during a rotation, the previous one. */
  secrets: string[];
  toleranceSeconds: number;
}

export type WebhookPartners = Partial<Record<string, WebhookPartner>>;
