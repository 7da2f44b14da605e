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
import { Brackets, DataSource } from 'typeorm';
import { applyCaseFilter } from '../cases/case-filter';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { instantParam } from '../db/instants';
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

/** Reads recorded outages as the rules library sees them. */
@Injectable()
export class OutagesReader {
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
      .andWhere('c.reason IN (:...reasons)', { reasons: [...new Set(windows.map((w) => REASON_OF_OUTAGE[w.system]))] })
      .andWhere(
        new Brackets((any) => {
          windows.forEach((w, i) =>
            any.orWhere(`(c.arrivedAt >= :start${i} AND c.arrivedAt < :end${i})`, {
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
}
