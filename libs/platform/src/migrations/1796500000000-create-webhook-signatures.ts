import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signatures of applied partner webhooks, kept until their timestamp leaves the tolerance (replay refusal). */
export class CreateWebhookSignatures1796500000000 implements MigrationInterface {
  name = 'CreateWebhookSignatures1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_signatures (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webhook_signatures_expiry ON webhook_signatures (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_signatures`);
  }
}
