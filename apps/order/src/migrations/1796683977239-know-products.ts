import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 25: the product master. The order keeps the products of tradeflow.products.v1 that order
 * lines may name. Lines still waiting for stock are indexed by sku, so the stuck query finds the
 * orders waiting for a withdrawn product from the few withdrawn products.
 */
export class KnowProducts1796683977239 implements MigrationInterface {
  name = 'KnowProducts1796683977239';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE products (
        sku text PRIMARY KEY,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'DISCONTINUED', 'BLOCKED')),
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX products_withdrawn ON products (sku) WHERE status <> 'ACTIVE'`);
    await queryRunner.query(`CREATE INDEX order_lines_unreserved ON order_lines (sku) WHERE reserved < quantity - cancelled`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX order_lines_unreserved`);
    await queryRunner.query(`DROP TABLE products`);
  }
}
