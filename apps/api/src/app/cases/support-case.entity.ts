import type { AgeBand, CaseStatus, Channel, Procedure, ReasonCode, Representative } from '@madoguchi/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { CreatedAtColumn, InstantColumn, UpdatedAtColumn } from '../db/columns';

/** One citizen helped (or not) at the desk or on the phone. Holds no name, address, My Number or PIN. */
@Entity('support_case')
@Index('idx_case_status_arrived', ['status', 'arrivedAt'])
@Index('idx_case_reason_arrived', ['reason', 'arrivedAt'])
@Index('idx_case_procedure_arrived', ['procedure', 'arrivedAt'])
@Index('idx_case_staff_arrived', ['staffId', 'arrivedAt'])
@Index('uq_case_ticket', ['siteId', 'ticketDay', 'ticketNumber'], { unique: true })
export class SupportCaseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  siteId!: number;

  @ManyToOne(() => SiteEntity, { nullable: false })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'fk_case_site' })
  site?: SiteEntity;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;

  @ManyToOne(() => UserAccount, { nullable: true })
  @JoinColumn({ name: 'staffId', foreignKeyConstraintName: 'fk_case_staff' })
  staff?: UserAccount | null;

  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 16 })
  procedure!: Procedure;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: 'varchar', length: 32 })
  representative!: Representative;

  @Column({ type: 'integer', nullable: true })
  paymentServiceId!: number | null;

  @ManyToOne(() => PaymentServiceEntity, { nullable: true })
  @JoinColumn({ name: 'paymentServiceId', foreignKeyConstraintName: 'fk_case_payment_service' })
  paymentService?: PaymentServiceEntity | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CaseStatus;

  @Index('idx_case_arrived')
  @InstantColumn()
  arrivedAt!: Date;

  @InstantColumn({ nullable: true })
  startedAt!: Date | null;

  @InstantColumn({ nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  completedReservation!: boolean;

  @Column({ type: 'boolean', default: false })
  completedApplication!: boolean;

  @Column({ type: 'boolean', default: false })
  alreadyReserved!: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason!: ReasonCode | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** When 市民課 renewed or issued the certificate (reason `cert_wait_24h`): the return slip counts the wait from it. */
  @InstantColumn({ nullable: true })
  certRenewedAt!: Date | null;

  /** Printed on the return slip of a not_completed case: random, unique, not personal data. */
  @Index('uq_case_follow_up_code', { unique: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  followUpCode!: string | null;

  /** The earlier visit this one follows up; indexed so that managers can count returns and their outcomes. */
  @Index('idx_case_previous')
  @Column({ type: 'integer', nullable: true })
  previousCaseId!: number | null;

  @ManyToOne(() => SupportCaseEntity, { nullable: true })
  @JoinColumn({ name: 'previousCaseId', foreignKeyConstraintName: 'fk_case_previous' })
  previousCase?: SupportCaseEntity | null;

  /** The Tokyo day the ticket belongs to (YYYY-MM-DD): numbers start again from 1 each day at each site. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  ticketDay!: string | null;

  @Column({ type: 'integer', nullable: true })
  ticketNumber!: number | null;

  /** As printed and called: `A-012`; kept as handed out, whatever later happens to the list of sites. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  ticket!: string | null;

  /** The counter (窓口番号) the citizen was called to. */
  @Column({ type: 'integer', nullable: true })
  counter!: number | null;

  @VersionColumn()
  version!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

/** The columns that say what happened at a visit, in the order the demo seeding and the exports read them. */
export const CASE_FACT_COLUMNS = [
  'siteId',
  'staffId',
  'channel',
  'procedure',
  'ageBand',
  'representative',
  'paymentServiceId',
  'status',
  'arrivedAt',
  'startedAt',
  'endedAt',
  'completedReservation',
  'completedApplication',
  'alreadyReserved',
  'reason',
  'note',
] as const satisfies readonly (keyof SupportCaseEntity)[];
