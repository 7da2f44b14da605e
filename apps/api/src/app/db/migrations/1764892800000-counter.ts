import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { INSTANT_TYPE } from '../columns';

/** The counter (issue 4): follow-up codes linking return visits, the end of outages indexed, and the audit log. */
export class Counter1764892800000 implements MigrationInterface {
  name = 'Counter1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('support_case', [
      new TableColumn({ name: 'followUpCode', type: 'varchar', length: '8', isNullable: true }),
      new TableColumn({ name: 'previousCaseId', type: 'integer', isNullable: true }),
    ]);
    await q.createIndices('support_case', [
      new TableIndex({ name: 'uq_case_follow_up_code', columnNames: ['followUpCode'], isUnique: true }),
      new TableIndex({ name: 'idx_case_previous', columnNames: ['previousCaseId'] }),
    ]);
    await q.createForeignKey(
      'support_case',
      new TableForeignKey({
        name: 'fk_case_previous',
        columnNames: ['previousCaseId'],
        referencedTableName: 'support_case',
        referencedColumnNames: ['id'],
        onDelete: 'NO ACTION',
      }),
    );
    await q.createIndex('outage', new TableIndex({ name: 'idx_outage_ends', columnNames: ['endsAt'] }));
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: INSTANT_TYPE, isNullable: false },
          { name: 'actorId', type: 'integer', isNullable: false },
          { name: 'actorUsername', type: 'varchar', length: '64', isNullable: false },
          { name: 'action', type: 'varchar', length: '32', isNullable: false },
          { name: 'entityType', type: 'varchar', length: '32', isNullable: false },
          { name: 'entityId', type: 'integer', isNullable: false },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_audit_at', columnNames: ['at'] }),
          new TableIndex({ name: 'idx_audit_entity', columnNames: ['entityType', 'entityId'] }),
          new TableIndex({ name: 'idx_audit_actor_at', columnNames: ['actorUsername', 'at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_audit_actor',
            columnNames: ['actorId'],
            referencedTableName: 'user_account',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
    await q.dropIndex('outage', 'idx_outage_ends');
    await q.dropForeignKey('support_case', 'fk_case_previous');
    await q.dropIndex('support_case', 'idx_case_previous');
    await q.dropIndex('support_case', 'uq_case_follow_up_code');
    await q.dropColumns('support_case', ['previousCaseId', 'followUpCode']);
  }
}
