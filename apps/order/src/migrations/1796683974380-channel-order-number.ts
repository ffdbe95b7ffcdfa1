import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23: the channel's own order number, unique per channel. The unique index is what stops a
 * second order for the same channel order (two requests at once included); it leads with the number,
 * so it also serves the list's filter by number alone. Orders placed without one are not indexed.
 */
export class ChannelOrderNumber1796683974380 implements MigrationInterface {
  name = 'ChannelOrderNumber1796683974380';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE orders ADD COLUMN channel_order_number text`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX orders_channel_order_number ON orders (channel_order_number, channel)
      WHERE channel_order_number IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX orders_channel_order_number`);
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN channel_order_number`);
  }
}
