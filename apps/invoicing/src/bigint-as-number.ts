/** Postgres bigint arrives as a string; amounts in minor units are kept below 2^53 (see invoice-calculation). */
export const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
