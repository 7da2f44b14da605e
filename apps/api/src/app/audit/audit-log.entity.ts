import type { AuditAction, AuditEntityType } from '@madoguchi/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { InstantColumn } from '../db/columns';

/** Who changed what and when, with the record before and after; written in the transaction of the change, never edited. */
@Entity('audit_log')
@Index('idx_audit_entity', ['entityType', 'entityId'])
@Index('idx_audit_actor_at', ['actorUsername', 'at'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('idx_audit_at')
  @InstantColumn()
  at!: Date;

  /** Null when the server itself acted (the retention job), with `actorUsername` "system". */
  @Column({ type: 'integer', nullable: true })
  actorId!: number | null;

  @ManyToOne(() => UserAccount, { nullable: true })
  @JoinColumn({ name: 'actorId', foreignKeyConstraintName: 'fk_audit_actor' })
  actor?: UserAccount;

  /** Kept beside the id so that the log reads the same after an account is renamed. */
  @Column({ type: 'varchar', length: 64 })
  actorUsername!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: AuditAction;

  @Column({ type: 'varchar', length: 32 })
  entityType!: AuditEntityType;

  @Column({ type: 'integer' })
  entityId!: number;

  /** The record as the API showed it, JSON; never a password hash. */
  @Column({ type: 'simple-json', nullable: true })
  before!: object | null;

  @Column({ type: 'simple-json', nullable: true })
  after!: object | null;
}
