import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 23: the last available-to-sell figure published per sku, and the safety stock that lowers it. */
export class CreateAvailability1796686551245 implements MigrationInterface {
  name = 'CreateAvailability1796686551245';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One sequence for every sku: a figure's sequence also orders it after every figure published before it.
    await queryRunner.query(`CREATE SEQUENCE availability_sequence`);
    await queryRunner.query(`
      CREATE TABLE availability (
        sku text PRIMARY KEY,
        available_to_sell int NOT NULL CHECK (available_to_sell >= 0),
        on_hand int NOT NULL,
        reserved int NOT NULL,
        safety_stock int NOT NULL,
        warehouses jsonb NOT NULL,
        sequence bigint NOT NULL,
        revision int NOT NULL CHECK (revision > 0),
        changed_at timestamptz NOT NULL
      )`);
    // GET /v1/availability?changedSince=
    await queryRunner.query(`CREATE INDEX availability_changed_at ON availability (changed_at, sku)`);
    await queryRunner.query(`
      CREATE TABLE safety_stocks (
        sku text PRIMARY KEY,
        units int NOT NULL CHECK (units >= 0),
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE safety_stocks`);
    await queryRunner.query(`DROP TABLE availability`);
    await queryRunner.query(`DROP SEQUENCE availability_sequence`);
  }
}
