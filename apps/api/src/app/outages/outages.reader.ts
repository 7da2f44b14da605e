import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutageWindow } from '@madoguchi/rules';
import { Brackets, DataSource } from 'typeorm';
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
}
