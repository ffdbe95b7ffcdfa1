/** An event that may not be published: unknown type, wrong topic, or fields that do not match its schema. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    message: string,
    /** One entry per offending field, e.g. "lines[0].quantity: expected int, got string". */
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.join('; ')}` : message);
  }
}

export type UndecodableReason =
  | 'not-wire-format'
  | 'unknown-schema-id'
  | 'unknown-event-type'
  | 'incompatible-schema'
  | 'invalid-payload';

/**
 * A message that can never be decoded, however often it is retried: the messaging library
 * dead-letters it. Registry outages and other transient failures are never reported this way.
 */
export class UndecodableEventError extends Error {
  override readonly name = 'UndecodableEventError';

  constructor(
    readonly reason: UndecodableReason,
    message: string,
    readonly details: { schemaId?: number; recordName?: string; problems?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}
