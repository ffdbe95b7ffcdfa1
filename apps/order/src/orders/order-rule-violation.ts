/**
 * A request the order's rules refuse: `conflict` when the order's state forbids it (409),
 * `invalid` when the request names lines that do not exist or asks for the impossible (422).
 * `details` go into the answer beside the message, e.g. every refused line.
 */
export class OrderRuleViolation extends Error {
  override name = 'OrderRuleViolation';

  constructor(
    readonly kind: 'conflict' | 'invalid',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
