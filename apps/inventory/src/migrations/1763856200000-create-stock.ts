import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStock1763856200000 implements MigrationInterface {
  name = 'CreateStock1763856200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stock_levels (
        sku text NOT NULL,
        warehouse text NOT NULL,
        on_hand int NOT NULL CHECK (on_hand >= 0),
        reserved int NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
        reorder_point int NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
        PRIMARY KEY (sku, warehouse)
      )`);
    await queryRunner.query(`
      CREATE TABLE reservations (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL,
        line_no int NOT NULL,
        sku text NOT NULL,
        warehouse text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX reservations_order ON reservations (order_id)`);
    await queryRunner.query(`
      CREATE TABLE backorders (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL,
        line_no int NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX backorders_sku ON backorders (sku, id)`);
    await queryRunner.query(`
      CREATE TABLE order_reservations (
        order_id uuid PRIMARY KEY,
        version int NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['order_reservations', 'backorders', 'reservations', 'stock_levels']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
