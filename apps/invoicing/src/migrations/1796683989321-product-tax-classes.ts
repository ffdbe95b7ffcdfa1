import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The product master's tax classes (tradeflow.products.v1), and the tax class each document line was issued with. */
export class ProductTaxClasses1796683989321 implements MigrationInterface {
  name = 'ProductTaxClasses1796683989321';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE products (
        sku text PRIMARY KEY,
        version int NOT NULL,
        tax_class text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE invoice_lines ADD COLUMN tax_class text`);
    await queryRunner.query(`ALTER TABLE credit_note_lines ADD COLUMN tax_class text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE credit_note_lines DROP COLUMN tax_class`);
    await queryRunner.query(`ALTER TABLE invoice_lines DROP COLUMN tax_class`);
    await queryRunner.query(`DROP TABLE products`);
  }
}
