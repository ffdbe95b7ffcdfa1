import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A secret read from the environment. Config errors print the offending value, and objects get
 * logged whole by accident; this prints as "[redacted]" everywhere, and `reveal()` is explicit.
 */
export class Secret {
  constructor(private readonly value: string) {}

  reveal(): string {
    return this.value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** A string setting of at least `minLength` characters, kept as a {@link Secret}. */
export function IsSecret(minLength: number) {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = obj[key];
      return typeof raw === 'string' ? new Secret(raw) : raw;
    }),
    ValidateBy({
      name: 'isSecret',
      validator: {
        validate: (value: unknown) => value instanceof Secret && value.reveal().length >= minLength,
        defaultMessage: () => `must be a secret of at least ${minLength} characters (e.g. \`openssl rand -hex 32\`)`,
      },
    }),
  );
}
