import { insertedId } from '../db/inserted-id';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CostedCase,
  type CostedOutage,
  REASON_OF_OUTAGE,
  turnedAwayBy,
  type OutageWindow,
} from '@madoguchi/rules';
import type { CaseFilter } from '@madoguchi/contracts';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { applyCaseFilter } from '../cases/case-filter';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { instantParam } from '../db/dialect';
import type { InstantRange } from '../stats/instant-range';
import { OutageEntity } from './outage.entity';

export const toOutageWindow = (o: OutageEntity): OutageWindow => ({
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt ? o.endsAt.toISOString() : null,
  affects: [
    ...(o.affectsReservation ? (['reservation'] as const) : []),
    ...(o.affectsApplication ? (['application'] as const) : []),
  ],
  system: o.system,
});

export const toCostedOutage = (o: OutageEntity): CostedOutage => ({
  ...toOutageWindow(o),
  system: o.system,
  paymentServiceId: o.paymentServiceId,
});

/** Every query of the outages, and the recorded outages as the rules library sees them. */
@Injectable()
export class OutagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Outages still running at or after an instant (ongoing ones included): all a forward-looking check needs.
   * A payment service's outage stops only applications to that service, so it counts only for that service.
   */
  async windowsFrom(instant: Date, concerning: { paymentServiceId?: number | null } = {}): Promise<OutageWindow[]> {
    const serviceId = concerning.paymentServiceId ?? null;
    const rows = await this.dataSource
      .getRepository(OutageEntity)
      .createQueryBuilder('o')
      .where('(o.endsAt IS NULL OR o.endsAt > :instant)', { instant: instantParam(this.dataSource, instant) })
      .andWhere(
        new Brackets((qb) => {
          qb.where('o.system <> :paymentService', { paymentService: 'payment_service' });
          if (serviceId !== null) qb.orWhere('o.paymentServiceId = :serviceId', { serviceId });
        }),
      )
      .orderBy('o.startsAt', 'ASC')
      .getMany();
    return rows.map(toOutageWindow);
  }

  /**
   * How many cases the outages turned away, by the one definition in the rules library (`turnedAwayBy`), each case
   * counted once however many outages explain it; an ongoing outage runs to `now`, and with `within` only the part
   * of each outage inside it counts. Only cases that could count (not completed, for a reason an outage explains,
   * arrived while one ran) are read.
   */
  async turnedAway(
    outages: readonly OutageEntity[],
    options: { now?: Date; within?: { start: Date; end: Date }; filter?: CaseFilter } = {},
  ): Promise<number> {
    return (await this.turnedAwayIds(outages, options)).length;
  }

  /** The cases `turnedAway` counts, by id, so that a drill-down lists exactly them. */
  async turnedAwayIds(
    outages: readonly OutageEntity[],
    options: { now?: Date; within?: { start: Date; end: Date }; filter?: CaseFilter } = {},
  ): Promise<number[]> {
    const now = options.now ?? new Date();
    const windows = outages
      .map((o): CostedOutage => {
        const start = Math.max(o.startsAt.getTime(), options.within?.start.getTime() ?? -Infinity);
        const end = Math.min((o.endsAt ?? now).getTime(), options.within?.end.getTime() ?? Infinity);
        return { ...toCostedOutage(o), startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
      })
      .filter((w) => (w.endsAt as string) > w.startsAt);
    if (!windows.length) return [];
    const query = this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.arrivedAt', 'c.status', 'c.reason', 'c.procedure', 'c.alreadyReserved', 'c.paymentServiceId'])
      .where('c.status = :notCompleted', { notCompleted: 'not_completed' })
      // Each outage's reason and hours, ORed: one range of the (reason, arrivedAt) index per outage.
      .andWhere(
        new Brackets((any) => {
          windows.forEach((w, i) =>
            any.orWhere(`(c.reason = :reason${i} AND c.arrivedAt >= :start${i} AND c.arrivedAt < :end${i})`, {
              [`reason${i}`]: REASON_OF_OUTAGE[w.system],
              [`start${i}`]: instantParam(this.dataSource, new Date(w.startsAt)),
              [`end${i}`]: instantParam(this.dataSource, new Date(w.endsAt as string)),
            }),
          );
        }),
      );
    if (options.filter) applyCaseFilter(query, options.filter);
    const cases = await query.getMany();
    return cases
      .filter((c) => {
        const costed: CostedCase = {
          arrivedAt: c.arrivedAt.toISOString(),
          status: c.status,
          reason: c.reason,
          procedure: c.procedure,
          alreadyReserved: c.alreadyReserved,
          paymentServiceId: c.paymentServiceId,
        };
        return windows.some((w) => turnedAwayBy(w, costed));
      })
      .map((c) => c.id);
  }

  /** One outage by id, or null. */
  find(id: number): Promise<OutageEntity | null> {
    return this.dataSource.getRepository(OutageEntity).findOne({ where: { id } });
  }

  /** Outages going on at any moment of the range (ongoing ones included). */
  overlapping(range: InstantRange): Promise<OutageEntity[]> {
    return this.dataSource
      .getRepository(OutageEntity)
      .createQueryBuilder('o')
      .where('o.startsAt < :rangeEnd', { rangeEnd: instantParam(this.dataSource, range.end) })
      .andWhere('(o.endsAt IS NULL OR o.endsAt > :rangeStart)', {
        rangeStart: instantParam(this.dataSource, range.start),
      })
      .getMany();
  }

  /** One outage inside a caller's transaction (or the reading connection's manager); null when there is none. */
  load(manager: EntityManager, id: number): Promise<OutageEntity | null> {
    return manager.findOneBy(OutageEntity, { id });
  }

  /** An outage as it is now, read outside any write. */
  read(id: number): Promise<OutageEntity | null> {
    return this.load(this.dataSource.manager, id);
  }

  paymentServiceExists(manager: EntityManager, id: number): Promise<boolean> {
    return manager.existsBy(PaymentServiceEntity, { id });
  }

  /** Inserts an outage and hands back its id. */
  async insert(manager: EntityManager, row: Partial<OutageEntity>): Promise<number> {
    return insertedId(await manager.insert(OutageEntity, row));
  }

  /** Writes only if the row is still at the version read; false when another change came first. */
  async update(manager: EntityManager, id: number, version: number, changes: Partial<OutageEntity>): Promise<boolean> {
    const result = await manager.update(OutageEntity, { id, version }, changes);
    return result.affected !== 0;
  }

  /** Outages overlapping the instants start..end, latest first. */
  page(
    start: Date | null | undefined,
    end: Date | null | undefined,
    page: number,
    pageSize: number,
  ): Promise<[OutageEntity[], number]> {
    const qb = this.dataSource.getRepository(OutageEntity).createQueryBuilder('o');
    if (end) qb.andWhere('o.startsAt < :end', { end: instantParam(this.dataSource, end) });
    if (start) this.runningAfter(qb, start);
    return qb
      .orderBy('o.startsAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  /** Outages going on at `now`, and those starting later before `endOfDay`, earliest first. */
  activeAndLater(now: Date, endOfDay: Date): Promise<[OutageEntity[], OutageEntity[]]> {
    const repository = this.dataSource.getRepository(OutageEntity);
    const active = this.runningAfter(
      repository.createQueryBuilder('o').where('o.startsAt <= :now', { now: instantParam(this.dataSource, now) }),
      now,
    );
    const laterToday = repository
      .createQueryBuilder('o')
      .where('o.startsAt > :now', { now: instantParam(this.dataSource, now) })
      .andWhere('o.startsAt < :endOfDay', { endOfDay: instantParam(this.dataSource, endOfDay) });
    return Promise.all([
      active.orderBy('o.startsAt', 'ASC').getMany(),
      laterToday.orderBy('o.startsAt', 'ASC').getMany(),
    ]);
  }

  /** Cases that arrived during the outage (so far, if ongoing); a payment service's outage only its own cases. */
  casesDuring(outage: OutageEntity, page: number, pageSize: number): Promise<[SupportCaseEntity[], number]> {
    const qb = this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .where('c.arrivedAt >= :startsAt', { startsAt: instantParam(this.dataSource, outage.startsAt) })
      .andWhere('c.arrivedAt < :endsAt', { endsAt: instantParam(this.dataSource, outage.endsAt ?? new Date()) });
    if (outage.system === 'payment_service') {
      qb.andWhere('c.paymentServiceId = :serviceId', { serviceId: outage.paymentServiceId });
    }
    return qb
      .leftJoinAndSelect('c.staff', 'staff')
      .orderBy('c.arrivedAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  private runningAfter(qb: SelectQueryBuilder<OutageEntity>, instant: Date): SelectQueryBuilder<OutageEntity> {
    return qb.andWhere(
      new Brackets((open) => {
        open.where('o.endsAt IS NULL').orWhere('o.endsAt > :after', { after: instantParam(this.dataSource, instant) });
      }),
    );
  }
}
