import { Injectable } from '@nestjs/common';
import type { CongestionOutage } from '@madoguchi/contracts';
import type { OutageEntity } from '../outages/outage.entity';
import { PublicRepository } from './public.repository';

/** How far ahead citizens are told of maintenance recorded in advance. */
export const ANNOUNCED_DAYS = 14;

const toCongestionOutage = (o: OutageEntity): CongestionOutage => ({
  system: o.system,
  paymentServiceName: o.paymentService?.name ?? null,
  affects: [
    ...(o.affectsReservation ? (['reservation'] as const) : []),
    ...(o.affectsApplication ? (['application'] as const) : []),
  ],
  from: o.startsAt.toISOString(),
  until: o.endsAt ? o.endsAt.toISOString() : null,
});

/** Outages as the public pages tell them: what stops now, and what was announced to start before `until`. */
@Injectable()
export class PublicOutages {
  constructor(private readonly repository: PublicRepository) {}

  async between(at: Date, until: Date): Promise<{ now: CongestionOutage[]; announced: CongestionOutage[] }> {
    const outages = await this.repository.outagesBetween(at, until);
    const started = (o: OutageEntity) => o.startsAt.getTime() <= at.getTime();
    return {
      now: outages.filter(started).map(toCongestionOutage),
      announced: outages.filter((o) => !started(o)).map(toCongestionOutage),
    };
  }

  /** Now, and announced for the next two weeks. */
  ahead(at: Date): Promise<{ now: CongestionOutage[]; announced: CongestionOutage[] }> {
    return this.between(at, new Date(at.getTime() + ANNOUNCED_DAYS * 24 * 3_600_000));
  }
}
