import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A credit note lowers what is outstanding on the invoices that billed the returned lines:
 * invoice_credits holds each part applied, invoices.credited_minor their sum. Credit notes issued
 * before this migration stay unapplied (their invoices are shown as they were).
 */
export class ApplyCreditNotesToInvoices1796684047692 implements MigrationInterface {
  name = 'ApplyCreditNotesToInvoices1796684047692';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invoices ADD COLUMN credited_minor bigint NOT NULL DEFAULT 0 CHECK (credited_minor >= 0)`);
    await queryRunner.query(`
      CREATE TABLE invoice_credits (
        credit_note_id uuid NOT NULL REFERENCES credit_notes (id),
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        line_no int NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        PRIMARY KEY (credit_note_id, invoice_id, line_no)
      )`);
    await queryRunner.query(`CREATE INDEX invoice_credits_invoice ON invoice_credits (invoice_id, line_no)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invoice_credits`);
    await queryRunner.query(`ALTER TABLE invoices DROP COLUMN credited_minor`);
  }
}
