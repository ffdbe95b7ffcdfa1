/**
 * A request the order's rules refuse: `conflict` when the order's state forbids it (409),
 * `invalid` when the request names lines that do not exist or asks for the impossible (422).
 */
export class OrderRuleViolation extends Error {
  override name = 'OrderRuleViolation';

  constructor(
    readonly kind: 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
