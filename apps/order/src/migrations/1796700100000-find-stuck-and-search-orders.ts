import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: stuck orders and the console's order search. `status_since` says when an order entered
 * its status; a trigger keeps it, so no write path can forget it (existing orders take it from their
 * timeline: the first entry of the last run with the current status). Label failures are kept until
 * the label is made. Indexes serve the stuck query (status and since) and the list's filters, each
 * ending in id so keyset paging by id stays an index range.
 */
export class FindStuckAndSearchOrders1796700100000 implements MigrationInterface {
  name = 'FindStuckAndSearchOrders1796700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE orders ADD COLUMN status_since timestamptz`);
    await queryRunner.query(`
      UPDATE orders o SET status_since = coalesce(
        (SELECT min(t.at) FROM order_timeline t
          WHERE t.order_id = o.id AND t.status = o.status
            AND t.id > coalesce((SELECT max(c.id) FROM order_timeline c WHERE c.order_id = o.id AND c.status <> o.status), 0)),
        o.updated_at)`);
    await queryRunner.query(`ALTER TABLE orders ALTER COLUMN status_since SET DEFAULT now(), ALTER COLUMN status_since SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION orders_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.status_since := now();
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER orders_status_since BEFORE UPDATE OF status ON orders
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION orders_status_since()`);
    await queryRunner.query(`CREATE INDEX orders_waiting ON orders (status, status_since) WHERE status NOT IN ('COMPLETED', 'CANCELLED')`);
    await queryRunner.query(`
      CREATE TABLE order_label_failures (
        shipment_id text PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        reason text NOT NULL,
        attempts int NOT NULL,
        failed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX order_label_failures_order ON order_label_failures (order_id)`);
    await queryRunner.query(`CREATE INDEX orders_channel_id ON orders (channel, id)`);
    await queryRunner.query(`CREATE INDEX orders_status_id ON orders (status, id)`);
    await queryRunner.query(`CREATE INDEX orders_customer_id ON orders (customer_id, id)`);
    await queryRunner.query(`CREATE INDEX orders_placed ON orders (created_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['orders_placed', 'orders_customer_id', 'orders_status_id', 'orders_channel_id', 'orders_waiting']) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query(`DROP TABLE order_label_failures`);
    await queryRunner.query(`DROP TRIGGER orders_status_since ON orders`);
    await queryRunner.query(`DROP FUNCTION orders_status_since`);
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN status_since`);
  }
}
