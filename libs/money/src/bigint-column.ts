/**
 * Column transformer for amounts in minor units (TypeORM's ValueTransformer, matched by shape so
 * this library needs no TypeORM): Postgres bigint arrives as a string, and amounts stay below 2^53.
 */
export const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
