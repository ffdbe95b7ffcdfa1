import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateShipping1763856400000 implements MigrationInterface {
  name = 'CreateShipping1763856400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What the orders and reservations topics told shipping about an order; rows may exist before OrderPlaced.
    await queryRunner.query(`
      CREATE TABLE shipping_orders (
        order_id uuid PRIMARY KEY,
        placed boolean NOT NULL DEFAULT false,
        allow_partial_shipment boolean NOT NULL DEFAULT false,
        shipping_address jsonb,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ordered_lines (
        order_id uuid NOT NULL REFERENCES shipping_orders (order_id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        ordered int NOT NULL CHECK (ordered >= 0),
        PRIMARY KEY (order_id, line_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE reserved_quantities (
        order_id uuid NOT NULL REFERENCES shipping_orders (order_id) ON DELETE CASCADE,
        line_no int NOT NULL,
        warehouse text NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL,
        PRIMARY KEY (order_id, line_no, warehouse)
      )`);
    await queryRunner.query(`
      CREATE TABLE shipments (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES shipping_orders (order_id),
        warehouse text NOT NULL,
        status text NOT NULL CHECK (status IN ('LABEL_PENDING', 'LABELLED', 'LABEL_FAILED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
        lines jsonb NOT NULL,
        carrier text,
        label_number text,
        tracking_number text UNIQUE,
        label_attempts int NOT NULL DEFAULT 0,
        last_label_error text,
        next_label_attempt_at timestamptz,
        label_claim uuid,
        cancel_reason text,
        version int NOT NULL,
        correlation_id text NOT NULL,
        created_event_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        labelled_at timestamptz,
        dispatched_at timestamptz,
        delivered_at timestamptz,
        cancelled_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX shipments_order ON shipments (order_id, created_at)`);
    await queryRunner.query(`CREATE INDEX shipments_label_due ON shipments (next_label_attempt_at) WHERE status = 'LABEL_PENDING'`);
    await queryRunner.query(`
      CREATE TABLE returns (
        id text PRIMARY KEY,
        order_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'RECEIVED')),
        lines jsonb NOT NULL,
        received_lines jsonb,
        correlation_id text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        received_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX returns_order ON returns (order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['returns', 'shipments', 'reserved_quantities', 'ordered_lines', 'shipping_orders']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
