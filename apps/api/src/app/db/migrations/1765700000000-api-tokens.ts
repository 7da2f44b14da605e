import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { INSTANT_TYPE } from '../columns';

/** Read-only API tokens for machines. Both engines run it; only the instant type and its default differ. */
export class ApiTokens1765700000000 implements MigrationInterface {
  name = 'ApiTokens1765700000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    const instant = (name: string, nullable: boolean): TableColumnOptions => ({
      name,
      type: postgres ? 'timestamptz' : INSTANT_TYPE,
      isNullable: nullable,
    });
    const text = (name: string, length: number): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: false,
    });
    await q.createTable(
      new Table({
        name: 'api_token',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('name', 100),
          text('scopes', 32),
          text('secretHash', 64),
          text('prefix', 16),
          { name: 'createdById', type: 'integer', isNullable: false },
          { ...instant('createdAt', false), default: postgres ? 'now()' : "datetime('now')" },
          instant('expiresAt', false),
          instant('revokedAt', true),
          instant('lastUsedAt', true),
        ],
        indices: [{ name: 'uq_api_token_secret_hash', columnNames: ['secretHash'], isUnique: true }],
        foreignKeys: [
          {
            name: 'fk_api_token_created_by',
            columnNames: ['createdById'],
            referencedTableName: 'user_account',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
          },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_token');
  }
}
