import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order's sales channel from OrderPlaced, so the revenue report can group by channel; null for
 * orders placed before this column existed. The issue/receipt dates get indexes because the report
 * selects documents by date range.
 */
export class OrderChannels1796686518294 implements MigrationInterface {
  name = 'OrderChannels1796686518294';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE order_prices ADD COLUMN channel text`);
    await queryRunner.query(`CREATE INDEX invoices_issued_at ON invoices (issued_at)`);
    await queryRunner.query(`CREATE INDEX credit_notes_issued_at ON credit_notes (issued_at)`);
    await queryRunner.query(`CREATE INDEX payments_received_at ON payments (received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX payments_received_at`);
    await queryRunner.query(`DROP INDEX credit_notes_issued_at`);
    await queryRunner.query(`DROP INDEX invoices_issued_at`);
    await queryRunner.query(`ALTER TABLE order_prices DROP COLUMN channel`);
  }
}
