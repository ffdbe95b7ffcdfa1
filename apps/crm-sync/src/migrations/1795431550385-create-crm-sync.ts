import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCrmSync1795431550385 implements MigrationInterface {
  name = 'CreateCrmSync1795431550385';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customers (
        customer_id text PRIMARY KEY,
        name text NOT NULL,
        email text,
        email_normalised text,
        tax_id text,
        tax_id_normalised text,
        crm_status text NOT NULL CHECK (crm_status IN ('ACTIVE', 'ON_HOLD')),
        credit_limit_minor bigint CHECK (credit_limit_minor >= 0),
        currency text NOT NULL,
        payment_terms_days int NOT NULL CHECK (payment_terms_days >= 0),
        crm_updated_at timestamptz NOT NULL,
        on_hold boolean NOT NULL DEFAULT false,
        hold_reason text,
        hold_source text CHECK (hold_source IN ('crm', 'api')),
        hold_changed_at timestamptz,
        merged_into text REFERENCES customers (customer_id),
        merged_at timestamptz,
        version int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (merged_into IS NULL OR merged_into <> customer_id)
      )`);
    await queryRunner.query(`CREATE INDEX customers_email ON customers (email_normalised) WHERE email_normalised IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX customers_tax_id ON customers (tax_id_normalised) WHERE tax_id_normalised IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE customer_duplicates (
        id bigserial PRIMARY KEY,
        customer_id text NOT NULL REFERENCES customers (customer_id),
        duplicate_of_customer_id text NOT NULL REFERENCES customers (customer_id),
        matched_on text NOT NULL CHECK (matched_on IN ('email', 'taxId')),
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX customer_duplicates_pair
        ON customer_duplicates (least(customer_id, duplicate_of_customer_id), greatest(customer_id, duplicate_of_customer_id))`);
    await queryRunner.query(`
      CREATE TABLE crm_webhook_signatures (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX crm_webhook_signatures_expiry ON crm_webhook_signatures (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE order_customers (
        order_id text PRIMARY KEY,
        customer_id text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE crm_activities (
        id uuid PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        order_id text NOT NULL,
        customer_id text,
        source_customer_id text,
        summary text NOT NULL,
        details jsonb NOT NULL,
        amount_minor bigint,
        currency text,
        status text NOT NULL CHECK (status IN ('KEPT', 'PENDING', 'DELIVERED', 'DEAD')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX crm_activities_customer ON crm_activities (customer_id, occurred_at)`);
    await queryRunner.query(
      `CREATE INDEX crm_activities_waiting_for_customer ON crm_activities (order_id) WHERE customer_id IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX crm_activities_due ON crm_activities (next_attempt_at) WHERE status = 'PENDING'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['crm_activities', 'order_customers', 'crm_webhook_signatures', 'customer_duplicates', 'customers']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
