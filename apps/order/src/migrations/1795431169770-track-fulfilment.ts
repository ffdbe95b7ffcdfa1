import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3: amendments, cancellations and returns, and what the order learns from shipping and
 * invoicing. A removed line keeps its row with quantity 0 (line numbers are never reused), and
 * reserved may exceed a lowered quantity until inventory's StockReleased arrives.
 */
export class TrackFulfilment1795431169770 implements MigrationInterface {
  name = 'TrackFulfilment1795431169770';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE order_lines DROP CONSTRAINT order_lines_quantity_check`);
    await queryRunner.query(`ALTER TABLE order_lines DROP CONSTRAINT order_lines_check`);
    await queryRunner.query(`
      ALTER TABLE order_lines
        ADD CONSTRAINT order_lines_quantity_check CHECK (quantity >= 0),
        ADD CONSTRAINT order_lines_reserved_check CHECK (reserved >= 0),
        ADD COLUMN shipped int NOT NULL DEFAULT 0 CHECK (shipped >= 0),
        ADD COLUMN invoiced int NOT NULL DEFAULT 0 CHECK (invoiced >= 0),
        ADD COLUMN cancelled int NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
        ADD COLUMN return_requested int NOT NULL DEFAULT 0 CHECK (return_requested >= 0),
        ADD COLUMN returned int NOT NULL DEFAULT 0 CHECK (returned >= 0),
        ADD COLUMN credited int NOT NULL DEFAULT 0 CHECK (credited >= 0)`);
    await queryRunner.query(`ALTER TABLE orders ADD COLUMN completed_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE order_shipments (
        shipment_id text PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        warehouse text NOT NULL,
        tracking_number text NOT NULL,
        dispatched_at timestamptz NOT NULL,
        delivered_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX order_shipments_order ON order_shipments (order_id)`);
    await queryRunner.query(`
      CREATE TABLE order_invoices (
        invoice_id text PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        invoice_number text NOT NULL,
        shipment_id text NOT NULL,
        due_date text NOT NULL,
        total_minor bigint NOT NULL,
        paid_minor bigint NOT NULL DEFAULT 0,
        issued_at timestamptz NOT NULL,
        paid_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX order_invoices_order ON order_invoices (order_id)`);
    await queryRunner.query(`
      CREATE TABLE order_returns (
        return_id text PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        status text NOT NULL,
        lines jsonb NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        received_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX order_returns_order ON order_returns (order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['order_returns', 'order_invoices', 'order_shipments']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN completed_at`);
    // Removed lines (quantity 0) would break the old checks; they go, as the old schema had no such rows.
    await queryRunner.query(`DELETE FROM order_lines WHERE quantity = 0`);
    await queryRunner.query(`
      ALTER TABLE order_lines
        DROP COLUMN credited,
        DROP COLUMN returned,
        DROP COLUMN return_requested,
        DROP COLUMN cancelled,
        DROP COLUMN invoiced,
        DROP COLUMN shipped,
        DROP CONSTRAINT order_lines_reserved_check,
        DROP CONSTRAINT order_lines_quantity_check`);
    await queryRunner.query(`UPDATE order_lines SET reserved = quantity WHERE reserved > quantity`);
    await queryRunner.query(`
      ALTER TABLE order_lines
        ADD CONSTRAINT order_lines_quantity_check CHECK (quantity > 0),
        ADD CONSTRAINT order_lines_check CHECK (reserved BETWEEN 0 AND quantity)`);
  }
}
