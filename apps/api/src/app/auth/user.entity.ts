import type { Role } from '@madoguchi/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SiteEntity } from '../catalog/site.entity';
import { CreatedAtColumn, UpdatedAtColumn } from '../db/columns';

@Entity('user_account')
export class UserAccount {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('uq_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** scrypt hash with its parameters and salt; the password itself is never kept. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'integer', nullable: true })
  siteId!: number | null;

  @ManyToOne(() => SiteEntity, { nullable: true })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'fk_user_site' })
  site?: SiteEntity | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
