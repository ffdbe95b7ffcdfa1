import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvoicing1795431100000 implements MigrationInterface {
  name = 'CreateInvoicing1795431100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE order_prices (
        order_id uuid PRIMARY KEY,
        customer_id text,
        currency char(3),
        version int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE order_price_lines (
        order_id uuid NOT NULL REFERENCES order_prices (order_id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        unit_price_minor bigint NOT NULL,
        tax_rate_bp int NOT NULL CHECK (tax_rate_bp >= 0),
        PRIMARY KEY (order_id, line_no)
      )`);
    // Gap-free numbering: one row per document kind, incremented in the issuing transaction.
    await queryRunner.query(`
      CREATE TABLE document_counters (
        kind text PRIMARY KEY,
        last_value bigint NOT NULL CHECK (last_value >= 0)
      )`);
    await queryRunner.query(`INSERT INTO document_counters (kind, last_value) VALUES ('invoice', 0), ('credit-note', 0)`);
    await queryRunner.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        order_id uuid NOT NULL,
        shipment_id text NOT NULL UNIQUE,
        customer_id text NOT NULL,
        currency char(3) NOT NULL,
        correlation_id text NOT NULL,
        issued_at timestamptz NOT NULL,
        due_date date NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor = net_minor + tax_minor),
        paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
        paid_at timestamptz,
        version int NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX invoices_order ON invoices (order_id)`);
    await queryRunner.query(`
      CREATE TABLE invoice_lines (
        invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity >= 0),
        unit_price_minor bigint NOT NULL,
        tax_rate_bp int NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        PRIMARY KEY (invoice_id, line_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        payment_ref text NOT NULL UNIQUE,
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX payments_invoice ON payments (invoice_id, received_at)`);
    await queryRunner.query(`
      CREATE TABLE dispatched_shipments (
        id bigserial PRIMARY KEY,
        shipment_id text NOT NULL UNIQUE,
        order_id uuid NOT NULL,
        warehouse text NOT NULL,
        lines jsonb NOT NULL,
        correlation_id text NOT NULL,
        dispatched_at timestamptz NOT NULL,
        invoice_id uuid UNIQUE REFERENCES invoices (id)
      )`);
    await queryRunner.query(`CREATE INDEX dispatched_shipments_waiting ON dispatched_shipments (order_id, id) WHERE invoice_id IS NULL`);
    await queryRunner.query(`
      CREATE TABLE credit_notes (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        order_id uuid NOT NULL,
        return_id text NOT NULL UNIQUE,
        customer_id text NOT NULL,
        currency char(3) NOT NULL,
        issued_at timestamptz NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor = net_minor + tax_minor)
      )`);
    await queryRunner.query(`CREATE INDEX credit_notes_order ON credit_notes (order_id)`);
    await queryRunner.query(`
      CREATE TABLE credit_note_lines (
        credit_note_id uuid NOT NULL REFERENCES credit_notes (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        sku text NOT NULL,
        quantity int NOT NULL CHECK (quantity >= 0),
        unit_price_minor bigint NOT NULL,
        tax_rate_bp int NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        PRIMARY KEY (credit_note_id, line_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE received_returns (
        id bigserial PRIMARY KEY,
        return_id text NOT NULL UNIQUE,
        order_id uuid NOT NULL,
        lines jsonb NOT NULL,
        correlation_id text NOT NULL,
        received_at timestamptz NOT NULL,
        credit_note_id uuid UNIQUE REFERENCES credit_notes (id)
      )`);
    await queryRunner.query(`CREATE INDEX received_returns_waiting ON received_returns (order_id, id) WHERE credit_note_id IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = [
      'received_returns',
      'credit_note_lines',
      'credit_notes',
      'dispatched_shipments',
      'payments',
      'invoice_lines',
      'invoices',
      'document_counters',
      'order_price_lines',
      'order_prices',
    ];
    for (const table of tables) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
