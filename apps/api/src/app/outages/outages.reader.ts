import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutageWindow } from '@madoguchi/rules';
import { DataSource } from 'typeorm';
import { instantParam } from '../db/instants';
import { OutageEntity } from './outage.entity';

export const toOutageWindow = (o: OutageEntity): OutageWindow => ({
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt ? o.endsAt.toISOString() : null,
  affects: [
    ...(o.affectsReservation ? (['reservation'] as const) : []),
    ...(o.affectsApplication ? (['application'] as const) : []),
  ],
});

/** Reads recorded outages as the rules library sees them. */
@Injectable()
export class OutagesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outages still running at or after an instant (ongoing ones included): all a forward-looking check needs. */
  async windowsFrom(instant: Date): Promise<OutageWindow[]> {
    const rows = await this.dataSource
      .getRepository(OutageEntity)
      .createQueryBuilder('o')
      .where('o.endsAt IS NULL OR o.endsAt > :instant', { instant: instantParam(this.dataSource, instant) })
      .orderBy('o.startsAt', 'ASC')
      .getMany();
    return rows.map(toOutageWindow);
  }
}
