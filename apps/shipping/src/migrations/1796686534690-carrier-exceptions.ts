import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Carrier exceptions: failed delivery attempts counted on the shipment, and the statuses a shipment ends in instead of DELIVERED. */
export class CarrierExceptions1796686534690 implements MigrationInterface {
  name = 'CarrierExceptions1796686534690';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE shipments DROP CONSTRAINT shipments_status_check`);
    await queryRunner.query(`
      ALTER TABLE shipments
        ADD CONSTRAINT shipments_status_check CHECK (status IN (
          'LABEL_PENDING', 'LABELLED', 'LABEL_FAILED', 'DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST', 'DAMAGED', 'CANCELLED')),
        ADD COLUMN delivery_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN last_attempt_at timestamptz,
        ADD COLUMN last_attempt_detail text,
        ADD COLUMN exception_at timestamptz,
        ADD COLUMN exception_detail text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE shipments SET status = 'DISPATCHED' WHERE status IN ('RETURNED_TO_SENDER', 'LOST', 'DAMAGED')`);
    await queryRunner.query(`
      ALTER TABLE shipments
        DROP COLUMN delivery_attempts,
        DROP COLUMN last_attempt_at,
        DROP COLUMN last_attempt_detail,
        DROP COLUMN exception_at,
        DROP COLUMN exception_detail,
        DROP CONSTRAINT shipments_status_check,
        ADD CONSTRAINT shipments_status_check CHECK (status IN ('LABEL_PENDING', 'LABELLED', 'LABEL_FAILED', 'DISPATCHED', 'DELIVERED', 'CANCELLED'))`);
  }
}
