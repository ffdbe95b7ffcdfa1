import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trace each correlation (an order) started in, so later work on it continues that trace. */
export class CreateCorrelationTraces1795440000000 implements MigrationInterface {
  name = 'CreateCorrelationTraces1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE correlation_traces (
        correlation_id text PRIMARY KEY,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE correlation_traces`);
  }
}
