import type { EntityManager } from 'typeorm';
import type { ReportPeriod, RevenueGrouping, RevenueSums } from './revenue-report';

/**
 * Each grouping as SQL over a document's date, customer and order: `at` is the instant the amount
 * belongs to, `customer` the id the invoice was issued to, `channel` the order's channel.
 */
const GROUP_KEYS: Record<RevenueGrouping, (at: string, customer: string, order: string) => string> = {
  day: (at) => `to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  customer: (_at, customer) => customer,
  channel: (_at, _customer, order) => `(SELECT channel FROM order_prices op WHERE op.order_id = ${order})`,
};

/**
 * The revenue report in one query (docs/design.md#revenue-report): net and tax of the invoices
 * issued in the period, credit notes issued in it, payments received in it, and what the period's
 * invoices still owed at its end — outstanding by invoiceBalance's rule (total − paid − credited,
 * never below 0), counting only the payments and credit notes dated before the end.
 */
export async function revenueSums(
  manager: EntityManager,
  groupBy: RevenueGrouping,
  period: ReportPeriod,
  currency: string | null,
): Promise<RevenueSums[]> {
  const key = GROUP_KEYS[groupBy];
  return manager.query(
    `WITH amounts AS (
       SELECT ${key('i.issued_at', 'i.customer_id', 'i.order_id')} AS grp, i.currency,
              i.net_minor AS net, i.tax_minor AS tax, 0 AS credited, 0 AS paid,
              GREATEST(0, i.total_minor
                - (SELECT coalesce(sum(p.amount_minor), 0) FROM payments p WHERE p.invoice_id = i.id AND p.received_at < $2)
                - (SELECT coalesce(sum(ic.amount_minor), 0) FROM invoice_credits ic JOIN credit_notes c ON c.id = ic.credit_note_id
                    WHERE ic.invoice_id = i.id AND c.issued_at < $2)) AS outstanding
         FROM invoices i
        WHERE i.issued_at >= $1 AND i.issued_at < $2 AND ($3::text IS NULL OR i.currency = $3)
       UNION ALL
       SELECT ${key('c.issued_at', 'c.customer_id', 'c.order_id')}, c.currency, 0, 0, c.total_minor, 0, 0
         FROM credit_notes c
        WHERE c.issued_at >= $1 AND c.issued_at < $2 AND ($3::text IS NULL OR c.currency = $3)
       UNION ALL
       SELECT ${key('p.received_at', 'i.customer_id', 'i.order_id')}, p.currency, 0, 0, 0, p.amount_minor, 0
         FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE p.received_at >= $1 AND p.received_at < $2 AND ($3::text IS NULL OR p.currency = $3)
     )
     SELECT grp AS "group", currency, sum(net)::text AS net, sum(tax)::text AS tax, sum(credited)::text AS credited,
            sum(paid)::text AS paid, sum(outstanding)::text AS outstanding
       FROM amounts
      GROUP BY grp, currency
      ORDER BY grp NULLS LAST, currency`,
    [period.start, period.end, currency],
  );
}
