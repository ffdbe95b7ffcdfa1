import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * lockCustomerGroup in one round trip: the lock along the merge chain, each hop's merged_into read
 * after its lock. In a VOLATILE PL/pgSQL function every statement takes a fresh snapshot, so the read
 * after a lock that waited for a merge sees that merge, as the two statements per hop did before.
 * The first lock key 1668641652 is "cust" (0x63757374), the space of this service's customer locks.
 */
export class LockCustomerGroup1797000100000 implements MigrationInterface {
  name = 'LockCustomerGroup1797000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION lock_customer_group(customer text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        current_id text := customer;
        next_id text;
      BEGIN
        -- Merges are followed through on arrival, so one hop suffices; the bound only stops a corrupt loop.
        FOR hop IN 1..8 LOOP
          PERFORM pg_advisory_xact_lock(1668641652, hashtext(current_id));
          SELECT merged_into INTO next_id FROM customer_accounts WHERE customer_id = current_id;
          IF next_id IS NULL OR next_id = current_id THEN
            RETURN current_id;
          END IF;
          current_id := next_id;
        END LOOP;
        RAISE EXCEPTION 'customer %: merge chain longer than 8', customer;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION lock_customer_group(text)`);
  }
}
