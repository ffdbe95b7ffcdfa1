import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A customer's invoices, paged in id order (GET /v1/invoices?customerId=…), without scanning every invoice. */
export class IndexInvoicesByCustomer1796656798006 implements MigrationInterface {
  name = 'IndexInvoicesByCustomer1796656798006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX invoices_customer ON invoices (customer_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX invoices_customer`);
  }
}
