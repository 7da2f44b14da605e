import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from './user.entity';
import { CreatedAtColumn, InstantColumn } from '../db/columns';

/** A sign-in session. Only the SHA-256 of the bearer token is kept, so a copy of the database cannot sign in. */
@Entity('auth_token')
export class AuthToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('uq_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('idx_token_user')
  @Column({ type: 'integer' })
  userId!: number;

  @ManyToOne(() => UserAccount, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'fk_token_user' })
  user?: UserAccount;

  @CreatedAtColumn()
  createdAt!: Date;

  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn({ nullable: true })
  revokedAt!: Date | null;
}
