import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Retention (issue 9): the server itself removes old notes, so an audit line may have no account behind it. */
export class SystemAuditActor1765152000000 implements MigrationInterface {
  name = 'SystemAuditActor1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.changeColumn(
      'audit_log',
      'actorId',
      new TableColumn({ name: 'actorId', type: 'integer', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_log WHERE actorId IS NULL`);
    await q.changeColumn(
      'audit_log',
      'actorId',
      new TableColumn({ name: 'actorId', type: 'integer', isNullable: false }),
    );
  }
}
