import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `fixture_effects` has no unique key on purpose: a duplicate effect must show up as a second row.
 * `fixture_failing_orders` is the "bug": the handler throws for the orders listed there until a
 * test deletes them (the fix).
 */
export class CreateFixtureTables1795500000000 implements MigrationInterface {
  name = 'CreateFixtureTables1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fixture_effects (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        order_id text NOT NULL,
        version int NOT NULL,
        replica text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE TABLE fixture_failing_orders (order_id text PRIMARY KEY)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fixture_failing_orders`);
    await queryRunner.query(`DROP TABLE fixture_effects`);
  }
}
