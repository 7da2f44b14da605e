import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { CreatedAtColumn, InstantColumn } from '../db/columns';

/** A read-only API token for a machine. Only the SHA-256 of the secret is kept, so a copy of the database cannot use it. */
@Entity('api_token')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The scopes, comma-separated codes of API_TOKEN_SCOPES in their list order ("stats,exports"). */
  @Column({ type: 'varchar', length: 32 })
  scopes!: string;

  @Index('uq_api_token_secret_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  /** `mdg_` and the next 8 characters of the secret, shown to tell tokens apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ type: 'integer' })
  createdById!: number;

  @ManyToOne(() => UserAccount, { nullable: false })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'fk_api_token_created_by' })
  createdBy?: UserAccount;

  @CreatedAtColumn()
  createdAt!: Date;

  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;

  @InstantColumn({ nullable: true })
  lastUsedAt!: Date | null;
}
