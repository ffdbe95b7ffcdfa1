import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The product master's weights and dimensions (tradeflow.products.v1), and the parcel each label was made for. */
export class ProductsAndParcels1796683989320 implements MigrationInterface {
  name = 'ProductsAndParcels1796683989320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE products (
        sku text PRIMARY KEY,
        version int NOT NULL,
        weight_grams int,
        length_mm int,
        width_mm int,
        height_mm int,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE shipments ADD COLUMN parcel jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE shipments DROP COLUMN parcel`);
    await queryRunner.query(`DROP TABLE products`);
  }
}
