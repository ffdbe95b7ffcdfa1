import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CRM webhook signatures are now remembered in the platform's shared webhook_signatures table
 * (every partner's, one replay rule). Signatures still inside their tolerance move there first,
 * so a webhook applied just before the upgrade cannot be replayed just after it.
 */
export class DropCrmWebhookSignatures1796650696501 implements MigrationInterface {
  name = 'DropCrmWebhookSignatures1796650696501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO webhook_signatures (signature, expires_at)
      SELECT signature, expires_at FROM crm_webhook_signatures WHERE expires_at >= now()
      ON CONFLICT (signature) DO NOTHING`);
    await queryRunner.query(`DROP TABLE crm_webhook_signatures`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crm_webhook_signatures (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX crm_webhook_signatures_expiry ON crm_webhook_signatures (expires_at)`);
    // Partners other than the CRM share that table; all are kept, which only errs on the side of refusing.
    await queryRunner.query(`
      INSERT INTO crm_webhook_signatures (signature, expires_at)
      SELECT signature, expires_at FROM webhook_signatures WHERE expires_at >= now()`);
  }
}
