import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { INSTANT_TYPE } from '../columns';

/** The rules at the edges (issue 10): when 市民課 renewed the certificate of a case held up by the 24-hour wait. */
export class CertRenewedAt1765411200000 implements MigrationInterface {
  name = 'CertRenewedAt1765411200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('support_case', new TableColumn({ name: 'certRenewedAt', type: INSTANT_TYPE, isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('support_case', 'certRenewedAt');
  }
}
