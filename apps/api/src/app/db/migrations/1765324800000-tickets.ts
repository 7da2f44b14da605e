import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** The waiting-room display (issue 10): each reception's daily ticket number, and the counter it is called to. */
export class Tickets1765324800000 implements MigrationInterface {
  name = 'Tickets1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('support_case', [
      new TableColumn({ name: 'ticketDay', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'ticketNumber', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'ticket', type: 'varchar', length: '8', isNullable: true }),
      new TableColumn({ name: 'counter', type: 'integer', isNullable: true }),
    ]);
    // The write path hands numbers out one at a time; the index makes a second holder of a number impossible anyway.
    await q.createIndex(
      'support_case',
      new TableIndex({ name: 'uq_case_ticket', columnNames: ['siteId', 'ticketDay', 'ticketNumber'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('support_case', 'uq_case_ticket');
    await q.dropColumns('support_case', ['counter', 'ticket', 'ticketNumber', 'ticketDay']);
  }
}
