import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention sweeper (RetentionSweeper) finds old inbox rows and remembered traces by age. */
export class IndexRetention1797000000000 implements MigrationInterface {
  name = 'IndexRetention1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX inbox_processed_at ON inbox (processed_at)`);
    await queryRunner.query(`CREATE INDEX correlation_traces_created_at ON correlation_traces (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX correlation_traces_created_at`);
    await queryRunner.query(`DROP INDEX inbox_processed_at`);
  }
}
