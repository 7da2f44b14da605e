import type { OutageKind, OutageSystem } from '@madoguchi/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn } from '../db/columns';

@Entity('outage')
export class OutageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  system!: OutageSystem;

  @Column({ type: 'integer', nullable: true })
  paymentServiceId!: number | null;

  @ManyToOne(() => PaymentServiceEntity, { nullable: true })
  @JoinColumn({ name: 'paymentServiceId', foreignKeyConstraintName: 'fk_outage_payment_service' })
  paymentService?: PaymentServiceEntity | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: OutageKind;

  @Index('idx_outage_starts')
  @InstantColumn()
  startsAt!: Date;

  /** Empty while the outage is ongoing. */
  @Index('idx_outage_ends')
  @InstantColumn({ nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'boolean' })
  affectsReservation!: boolean;

  @Column({ type: 'boolean' })
  affectsApplication!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @VersionColumn()
  version!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
