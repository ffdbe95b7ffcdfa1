import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 3: reservations remember what was issued and released, orders whether they were
 * cancelled, stock levels a version for their events, and dispatches and returns are recorded
 * once per shipment and return.
 */
export class TrackOrderChanges1795431605281 implements MigrationInterface {
  name = 'TrackOrderChanges1795431605281';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reservations
        ADD COLUMN issued int NOT NULL DEFAULT 0,
        ADD COLUMN released int NOT NULL DEFAULT 0,
        ADD CONSTRAINT reservations_settled CHECK (issued >= 0 AND released >= 0 AND issued + released <= quantity)`);
    await queryRunner.query(`CREATE INDEX reservations_stock ON reservations (sku, warehouse, id)`);
    await queryRunner.query(`CREATE INDEX backorders_order ON backorders (order_id)`);
    await queryRunner.query(`ALTER TABLE stock_levels ADD COLUMN version int NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      ALTER TABLE order_reservations
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        ADD COLUMN correlation_id text`);
    await queryRunner.query(`
      CREATE TABLE stock_movements (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('issue', 'return')),
        reference text NOT NULL,
        order_id uuid NOT NULL,
        line_no int NOT NULL,
        sku text NOT NULL,
        warehouse text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unreserved int NOT NULL DEFAULT 0 CHECK (unreserved >= 0 AND unreserved <= quantity),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, reference, line_no, sku, warehouse)
      )`);
    await queryRunner.query(`CREATE INDEX stock_movements_order ON stock_movements (order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_movements`);
    await queryRunner.query(`ALTER TABLE order_reservations DROP COLUMN correlation_id, DROP COLUMN status`);
    await queryRunner.query(`ALTER TABLE stock_levels DROP COLUMN version`);
    await queryRunner.query(`DROP INDEX backorders_order`);
    await queryRunner.query(`DROP INDEX reservations_stock`);
    await queryRunner.query(`
      ALTER TABLE reservations DROP CONSTRAINT reservations_settled, DROP COLUMN released, DROP COLUMN issued`);
  }
}
