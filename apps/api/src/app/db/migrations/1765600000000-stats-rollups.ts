import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { rebuildRollups } from '../../stats/rollups/rollup-rebuild';

const KEY = ['facet', 'value', 'kind', 'grain', 'period', 'key', 'bin'];

/** The statistics kept on write (issue 12), counted at once from the cases already stored. Both engines run it. */
export class StatsRollups1765600000000 implements MigrationInterface {
  name = 'StatsRollups1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'stats_rollup',
        withoutRowid: true,
        columns: [
          { name: 'facet', type: 'varchar', length: '8' },
          { name: 'value', type: 'varchar', length: '32' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'grain', type: 'integer' },
          { name: 'period', type: 'integer' },
          { name: 'key', type: 'varchar', length: '40' },
          { name: 'bin', type: 'integer' },
          { name: 'n', type: 'integer' },
        ].map((column) => ({ ...column, isPrimary: KEY.includes(column.name) })),
        indices: [{ name: 'idx_rollup_period', columnNames: ['grain', 'period'] }],
      }),
    );
    await rebuildRollups(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('stats_rollup');
  }
}
