import { Matches } from 'class-validator';

/**
 * Free text that goes on labels, timelines and into the database: no control characters. Postgres
 * refuses NUL in text (a 500 the HTTP fuzzer found); the rest have no business in a name or a reason.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
export const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

export const NoControlCharacters = () =>
  Matches(PRINTABLE, { message: ({ property }) => `${property} must not contain control characters` });
