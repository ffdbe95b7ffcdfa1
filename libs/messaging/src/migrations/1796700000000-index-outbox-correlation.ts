import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The events of one correlation (an order) from the outbox, for the console's timeline: GET /v1/messaging/events. */
export class IndexOutboxCorrelation1796700000000 implements MigrationInterface {
  name = 'IndexOutboxCorrelation1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX outbox_correlation ON outbox ((event->>'correlationId'), id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_correlation`);
  }
}
