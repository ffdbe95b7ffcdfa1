import { Client } from 'pg';
import { CHANNELS, ORDER_STATUSES_BY_SHARE } from './order-mix';

export interface SeededOrders {
  orders: number;
  lines: number;
  seconds: number;
}

/**
 * `count` orders written straight into the order service's tables by set-based SQL — placing them
 * through the API would take the bench an hour. About 1,000 customers (a few order far more often
 * than most), three channels, every status in the shares of order-mix.ts, placed over the last 90
 * days, 1–4 lines each whose quantities agree with the status, an OrderPlaced timeline entry and,
 * where the status moved on, the entry that moved it. status_since is written as the trigger would
 * have kept it (the trigger only fires on updates).
 */
export async function seedOrders(databaseUrl: string, count: number): Promise<SeededOrders> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('BEGIN');
    const statuses = ORDER_STATUSES_BY_SHARE.map(([status]) => status);
    const bounds = ORDER_STATUSES_BY_SHARE.reduce<number[]>((sums, [, share]) => [...sums, (sums.at(-1) ?? 0) + share], []);
    await client.query(
      `INSERT INTO orders (id, channel, customer_id, currency, status, allow_partial_shipment, shipping_address, version,
                           created_at, updated_at, status_since, completed_at, hold_reason, hold_detail, held_since)
       SELECT id, channel, customer_id, 'EUR', status, i % 5 <> 0,
              jsonb_build_object('name', 'Customer ' || customer, 'line1', (i % 200 + 1) || ' Market Street', 'city', 'Berlin',
                                 'postalCode', (10000 + customer)::text, 'countryCode', 'DE'),
              CASE WHEN status = 'PLACED' THEN 1 ELSE 2 + i % 4 END, placed, since, since,
              CASE WHEN status = 'COMPLETED' THEN since END,
              CASE WHEN status = 'HELD' THEN 'CREDIT_LIMIT_EXCEEDED' END,
              CASE WHEN status = 'HELD' THEN 'the order would take the customer over its credit limit' END,
              CASE WHEN status = 'HELD' THEN since END
         FROM (SELECT i, gen_random_uuid() AS id, customer, 'cust-' || lpad(customer::text, 4, '0') AS customer_id,
                      ($4::text[])[1 + i % 3] AS channel,
                      ($2::text[])[least(1 + (SELECT count(*)::int FROM unnest($3::float8[]) b WHERE b <= draw), cardinality($2::text[]))] AS status,
                      placed, placed + (now() - placed) * random() AS since
                 FROM (SELECT i, 1 + floor(1000 * random() ^ 2)::int AS customer, random() AS draw,
                              now() - random() * interval '90 days' AS placed
                         FROM generate_series(1, $1::int) i) drawn) orders`,
      [count, statuses, bounds, [...CHANNELS]],
    );
    const lines = await client.query(
      `INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_minor, tax_rate_bp, reserved, backordered, shipped, invoiced, cancelled)
       SELECT o.id, n, 'SKU-' || lpad((1 + abs(hashtext(o.id::text || n)) % 500)::text, 5, '0'), q, 199 + abs(hashtext(o.id::text)) % 20000, 1900,
              CASE WHEN o.status IN ('RESERVED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED') OR (o.status = 'PARTIALLY_RESERVED' AND n = 1) THEN q ELSE 0 END,
              CASE WHEN o.status = 'BACKORDERED' OR (o.status = 'PARTIALLY_RESERVED' AND n > 1) THEN q ELSE 0 END,
              CASE WHEN o.status IN ('SHIPPED', 'DELIVERED', 'COMPLETED') OR (o.status = 'PARTIALLY_SHIPPED' AND n = 1) THEN q ELSE 0 END,
              CASE WHEN o.status IN ('SHIPPED', 'DELIVERED', 'COMPLETED') OR (o.status = 'PARTIALLY_SHIPPED' AND n = 1) THEN q ELSE 0 END,
              CASE WHEN o.status = 'CANCELLED' THEN q ELSE 0 END
         FROM orders o
        CROSS JOIN LATERAL generate_series(1, CASE WHEN o.status LIKE 'PARTIALLY%' THEN 2 ELSE 1 END + abs(hashtext(o.id::text)) % 3) n
        CROSS JOIN LATERAL (SELECT 1 + (abs(hashtext(o.id::text)) + n) % 5 AS q) quantity`,
    );
    await client.query(
      `INSERT INTO order_timeline (order_id, at, event, status, detail)
       SELECT id, created_at, 'OrderPlaced', 'PLACED', 'via ' || channel FROM orders
       UNION ALL
       SELECT id, status_since, 'OrderStatusChanged', status, NULL FROM orders WHERE status <> 'PLACED'
       ORDER BY 2`,
    );
    await client.query('COMMIT');
    // Fresh statistics, as autovacuum would have them on a database that grew to this size.
    await client.query('ANALYZE');
    return { orders: count, lines: lines.rowCount ?? 0, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
