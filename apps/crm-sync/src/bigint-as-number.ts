/** Postgres bigint arrives as a string; amounts in minor units stay below 2^53. */
export const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
