import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 25: channels subscribe to feeds by webhook; each change of a key becomes a delivery, at most
 * one of them pending per subscription, feed and key (later changes replace its record).
 */
export class CreateChannelWebhooks1796684033290 implements MigrationInterface {
  name = 'CreateChannelWebhooks1796684033290';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        channel text NOT NULL,
        url text NOT NULL,
        feeds text[] NOT NULL,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id),
        feed text NOT NULL,
        key text NOT NULL,
        version bigint NOT NULL,
        type text NOT NULL,
        message_id uuid NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX webhook_deliveries_one_pending ON webhook_deliveries (subscription_id, feed, key) WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_key ON webhook_deliveries (subscription_id, feed, key, version)`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_listing ON webhook_deliveries (subscription_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhook_subscriptions`);
  }
}
