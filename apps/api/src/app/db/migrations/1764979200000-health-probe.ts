import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { INSTANT_TYPE } from '../columns';

/** The write path (issue 8): a row for the health check to commit, so that "up" means "can store". */
export class HealthProbe1764979200000 implements MigrationInterface {
  name = 'HealthProbe1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'health_probe',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'checkedAt', type: INSTANT_TYPE, isNullable: false },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('health_probe');
  }
}
