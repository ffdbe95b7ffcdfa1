import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail of a service's hand-taken actions; rows can be added, never changed or removed. */
export class CreateAuditRecords1796500100000 implements MigrationInterface {
  name = 'CreateAuditRecords1796500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_records (
        id uuid PRIMARY KEY,
        recorded_at timestamptz NOT NULL,
        action text NOT NULL,
        target_id text NOT NULL,
        targets jsonb NOT NULL,
        actor_subject text NOT NULL,
        actor_client text NOT NULL,
        actor_roles text[] NOT NULL,
        actor_via text NOT NULL,
        route text NOT NULL,
        reason text,
        request_id text NOT NULL,
        correlation_id text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_records_recent ON audit_records (recorded_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_records_target ON audit_records (target_id)`);
    // Not even the service's own code may rewrite history: the trail is evidence.
    await queryRunner.query(`
      CREATE FUNCTION audit_records_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit records cannot be changed or removed';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_records_are_final BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_records
      FOR EACH STATEMENT EXECUTE FUNCTION audit_records_are_final()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_records`);
    await queryRunner.query(`DROP FUNCTION audit_records_are_final`);
  }
}
