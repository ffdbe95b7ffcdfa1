import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** Characters that show nothing: a reason made only of them (or of control characters) says nothing. */
const INVISIBLE = ' \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff\\u0000-\\u001f\\u007f';

/**
 * Printable text with at least one visible character. Spelled out rather than `\S` so the
 * document's pattern means the same in every regex dialect a client or fuzzer reads it with.
 */
export const READABLE = new RegExp(`^[^\\u0000-\\u001f\\u007f]*[^${INVISIBLE}][^\\u0000-\\u001f\\u007f]*$`);

export const MAX_REASON_LENGTH = 500;

/** Why a person acts (approvals, releases, replays, cancellations…): kept with the action and in its audit record. */
export function Reason(options: { example: string; description?: string }) {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH, pattern: READABLE.source, ...options }),
    IsString(),
    Length(1, MAX_REASON_LENGTH),
    Matches(READABLE, { message: ({ property }) => `${property} must say something: visible characters, no control characters` }),
  );
}
