import { Client } from 'pg';

/**
 * The state change every contender makes per input event: one row. No unique key on event_id, so
 * a redelivered event shows up as a duplicate row for the contenders without an inbox.
 */
export const CREATE_EFFECTS = `
  CREATE TABLE IF NOT EXISTS bench_effect (
    id bigserial PRIMARY KEY,
    event_id uuid NOT NULL,
    order_id text NOT NULL,
    quantity int NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`;

export const INSERT_EFFECT = 'INSERT INTO bench_effect (event_id, order_id, quantity) VALUES ($1, $2, $3)';

/** Many rows in one statement (the ceiling's batch): three arrays, unnested. */
export const INSERT_EFFECTS = `
  INSERT INTO bench_effect (event_id, order_id, quantity)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])`;

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function countEffects(url: string): Promise<{ rows: number; distinct: number }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ rows: number; distinct: number }>(
      'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct FROM bench_effect',
    );
    return rows[0];
  });
}
