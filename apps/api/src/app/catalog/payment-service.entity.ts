import type { PaymentServiceKind } from '@madoguchi/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../db/columns';

@Entity('payment_service')
export class PaymentServiceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('uq_payment_service_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: PaymentServiceKind;

  @Column({ type: 'boolean' })
  appliesAtSpot!: boolean;

  @Column({ type: 'boolean' })
  requiresPreRegistration!: boolean;

  @Column({ type: 'simple-json' })
  requiredItems!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
