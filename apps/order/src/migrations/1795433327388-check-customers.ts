import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: customer checks. The order keeps its own projection of the customers (customers.v1)
 * and of the money they owe (invoices.v1), and an order may wait in HELD with a reason.
 * Invoices and payments already known (order_invoices) seed the ledger; credit notes consumed
 * before this migration are not in it (the order only kept their quantities).
 */
export class CheckCustomers1795433327388 implements MigrationInterface {
  name = 'CheckCustomers1795433327388';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_accounts (
        customer_id text PRIMARY KEY,
        known boolean NOT NULL DEFAULT false,
        name text,
        on_hold boolean NOT NULL DEFAULT false,
        hold_reason text,
        credit_limit_minor bigint,
        currency char(3),
        merged_into text,
        crm_updated_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX customer_accounts_merged_into ON customer_accounts (merged_into)`);
    await queryRunner.query(`
      CREATE TABLE customer_ledger (
        entry_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('INVOICE', 'PAYMENT', 'CREDIT_NOTE')),
        customer_id text NOT NULL,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL,
        order_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX customer_ledger_customer ON customer_ledger (customer_id, currency)`);
    await queryRunner.query(`
      INSERT INTO customer_ledger (entry_id, kind, customer_id, currency, amount_minor, order_id, at)
      SELECT i.invoice_id, 'INVOICE', o.customer_id, o.currency, i.total_minor, o.id, i.issued_at
        FROM order_invoices i JOIN orders o ON o.id = i.order_id`);
    await queryRunner.query(`
      INSERT INTO customer_ledger (entry_id, kind, customer_id, currency, amount_minor, order_id, at)
      SELECT 'paid-before-ledger:' || i.invoice_id, 'PAYMENT', o.customer_id, o.currency, i.paid_minor, o.id, coalesce(i.paid_at, now())
        FROM order_invoices i JOIN orders o ON o.id = i.order_id
       WHERE i.paid_minor > 0`);
    await queryRunner.query(`
      ALTER TABLE orders
        ADD COLUMN hold_reason text,
        ADD COLUMN hold_detail text,
        ADD COLUMN held_since timestamptz`);
    await queryRunner.query(`CREATE INDEX orders_held ON orders (customer_id, created_at) WHERE status = 'HELD'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX orders_held`);
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN held_since, DROP COLUMN hold_detail, DROP COLUMN hold_reason`);
    await queryRunner.query(`DROP TABLE customer_ledger`);
    await queryRunner.query(`DROP TABLE customer_accounts`);
  }
}
