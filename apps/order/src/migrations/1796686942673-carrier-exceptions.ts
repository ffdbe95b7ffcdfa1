import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23: carrier exceptions. Each shipment of the order keeps the failed delivery attempts the
 * carrier reported and its open exception (RETURNED_TO_SENDER, LOST, DAMAGED); the stuck query finds
 * the orders with an open exception by the partial index.
 */
export class CarrierExceptions1796686942673 implements MigrationInterface {
  name = 'CarrierExceptions1796686942673';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE order_shipments
        ADD COLUMN delivery_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN exception text CHECK (exception IN ('RETURNED_TO_SENDER', 'LOST', 'DAMAGED')),
        ADD COLUMN exception_detail text,
        ADD COLUMN exception_at timestamptz`);
    await queryRunner.query(`CREATE INDEX order_shipments_exception ON order_shipments (order_id) WHERE exception IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX order_shipments_exception`);
    await queryRunner.query(`
      ALTER TABLE order_shipments
        DROP COLUMN delivery_attempts,
        DROP COLUMN exception,
        DROP COLUMN exception_detail,
        DROP COLUMN exception_at`);
  }
}
