import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 25: inventory owns the product master; receipts and reservations read it. */
export class CreateProducts1796684091415 implements MigrationInterface {
  name = 'CreateProducts1796684091415';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE products (
        sku text PRIMARY KEY,
        version bigint NOT NULL CHECK (version >= 0),
        name text NOT NULL,
        description text,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'DISCONTINUED', 'BLOCKED')),
        unit_of_measure text NOT NULL,
        weight_grams int CHECK (weight_grams >= 0),
        length_mm int CHECK (length_mm >= 0),
        width_mm int CHECK (width_mm >= 0),
        height_mm int CHECK (height_mm >= 0),
        tax_class text NOT NULL CHECK (tax_class IN ('STANDARD', 'REDUCED', 'ZERO')),
        gtins text[] NOT NULL DEFAULT '{}',
        excluded_warehouses text[] NOT NULL DEFAULT '{}',
        reason text,
        revision int NOT NULL CHECK (revision > 0),
        updated_at timestamptz NOT NULL,
        CHECK ((status = 'ACTIVE') = (reason IS NULL))
      )`);
    // GET /v1/products?status=: a page of one status in sku order.
    await queryRunner.query(`CREATE INDEX products_status ON products (status, sku)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE products`);
  }
}
