import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_EFFECTS } from '../../effects';

export class CreateBenchEffect1795500000000 implements MigrationInterface {
  name = 'CreateBenchEffect1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_EFFECTS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bench_effect');
  }
}
