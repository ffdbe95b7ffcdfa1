import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customers' payment terms from tradeflow.customers.v1, which decide each new invoice's due date. */
export class CustomerPaymentTerms1796684047693 implements MigrationInterface {
  name = 'CustomerPaymentTerms1796684047693';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_terms (
        customer_id text PRIMARY KEY,
        payment_terms_days int CHECK (payment_terms_days >= 0),
        crm_updated_at timestamptz,
        merged_into text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE customer_terms`);
  }
}
