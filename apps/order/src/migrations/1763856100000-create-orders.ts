import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrders1763856100000 implements MigrationInterface {
  name = 'CreateOrders1763856100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        channel text NOT NULL,
        customer_id text NOT NULL,
        currency char(3) NOT NULL,
        status text NOT NULL,
        allow_partial_shipment boolean NOT NULL,
        shipping_address jsonb NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX orders_customer ON orders (customer_id)`);
    await queryRunner.query(`
      CREATE TABLE order_lines (
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        tax_rate_bp int NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
        reserved int NOT NULL DEFAULT 0 CHECK (reserved BETWEEN 0 AND quantity),
        backordered int NOT NULL DEFAULT 0 CHECK (backordered >= 0),
        PRIMARY KEY (order_id, line_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE order_timeline (
        id bigserial PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        status text NOT NULL,
        detail text
      )`);
    await queryRunner.query(`CREATE INDEX order_timeline_order ON order_timeline (order_id, id)`);
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_keys', 'order_timeline', 'order_lines', 'orders']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
