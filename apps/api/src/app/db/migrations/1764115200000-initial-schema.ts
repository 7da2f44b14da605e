import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { INSTANT_TYPE } from '../columns';

const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const bool = (name: string, defaultValue?: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: false,
  ...(defaultValue === undefined ? {} : { default: defaultValue ? '1' : '0' }),
});
const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: INSTANT_TYPE,
  isNullable: nullable,
});
const stamps = (): TableColumnOptions[] => [
  { name: 'createdAt', type: INSTANT_TYPE, isNullable: false, default: "datetime('now')" },
  { name: 'updatedAt', type: INSTANT_TYPE, isNullable: false, default: "datetime('now')" },
];
const version = (): TableColumnOptions => ({ name: 'version', type: 'integer', isNullable: false });
const fk = (name: string, column: string, table: string, onDelete = 'NO ACTION') =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });

/** The first schema: accounts and sessions, the catalogues, outages and support cases. */
export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'site',
        columns: [id(), text('code', 64), text('name', 200)],
        indices: [new TableIndex({ name: 'uq_site_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_account',
        columns: [
          id(),
          text('username', 64),
          text('displayName', 100),
          text('role', 16),
          text('passwordHash', 255),
          bool('disabled', false),
          int('siteId', true),
          ...stamps(),
        ],
        indices: [new TableIndex({ name: 'uq_user_username', columnNames: ['username'], isUnique: true })],
        foreignKeys: [fk('fk_user_site', 'siteId', 'site')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_token',
        columns: [
          id(),
          text('tokenHash', 64),
          int('userId'),
          ...stamps().slice(0, 1),
          instant('expiresAt'),
          instant('revokedAt', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_token_hash', columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ name: 'idx_token_user', columnNames: ['userId'] }),
        ],
        foreignKeys: [fk('fk_token_user', 'userId', 'user_account', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'payment_service',
        columns: [
          id(),
          text('name', 200),
          text('kind', 32),
          bool('appliesAtSpot'),
          bool('requiresPreRegistration'),
          { name: 'requiredItems', type: 'text', isNullable: false },
          bool('active', true),
          ...stamps(),
        ],
        indices: [new TableIndex({ name: 'uq_payment_service_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outage',
        columns: [
          id(),
          text('system', 32),
          int('paymentServiceId', true),
          text('kind', 16),
          instant('startsAt'),
          instant('endsAt', true),
          bool('affectsReservation'),
          bool('affectsApplication'),
          { name: 'note', type: 'text', isNullable: true },
          version(),
          ...stamps(),
        ],
        indices: [new TableIndex({ name: 'idx_outage_starts', columnNames: ['startsAt'] })],
        foreignKeys: [fk('fk_outage_payment_service', 'paymentServiceId', 'payment_service')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'support_case',
        columns: [
          id(),
          int('siteId'),
          int('staffId', true),
          text('channel', 16),
          text('procedure', 16),
          text('ageBand', 16, true),
          text('representative', 32),
          int('paymentServiceId', true),
          text('status', 16),
          instant('arrivedAt'),
          instant('startedAt', true),
          instant('endedAt', true),
          bool('completedReservation', false),
          bool('completedApplication', false),
          bool('alreadyReserved', false),
          text('reason', 32, true),
          { name: 'note', type: 'text', isNullable: true },
          version(),
          ...stamps(),
        ],
        indices: [
          new TableIndex({ name: 'idx_case_arrived', columnNames: ['arrivedAt'] }),
          new TableIndex({ name: 'idx_case_status_arrived', columnNames: ['status', 'arrivedAt'] }),
          new TableIndex({ name: 'idx_case_reason_arrived', columnNames: ['reason', 'arrivedAt'] }),
          new TableIndex({ name: 'idx_case_procedure_arrived', columnNames: ['procedure', 'arrivedAt'] }),
          new TableIndex({ name: 'idx_case_staff_arrived', columnNames: ['staffId', 'arrivedAt'] }),
        ],
        foreignKeys: [
          fk('fk_case_site', 'siteId', 'site'),
          fk('fk_case_staff', 'staffId', 'user_account'),
          fk('fk_case_payment_service', 'paymentServiceId', 'payment_service'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['support_case', 'outage', 'payment_service', 'auth_token', 'user_account', 'site']) {
      await q.dropTable(table);
    }
  }
}
