import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { SiteEntity } from '../catalog/site.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { instantParam } from '../db/instants';
import type { InstantRange } from '../stats/stats-queries';

/** How many of the latest calls the display lists. */
export const CALLED_SHOWN = 6;

export interface CalledRow {
  ticket: string;
  counter: number | null;
  startedAt: Date;
}

/** The display's reads: a site's tickets of one day, never a column that could tell who a citizen is. */
@Injectable()
export class DisplayRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The site with this code, or the first registered when no code is given; with its place among the sites. */
  async site(code: string | undefined): Promise<{ site: SiteEntity; index: number } | null> {
    const sites = this.dataSource.getRepository(SiteEntity);
    const site = code ? await sites.findOneBy({ code }) : await sites.findOne({ where: {}, order: { id: 'ASC' } });
    if (!site) return null;
    const index = await sites.createQueryBuilder('s').where('s.id < :id', { id: site.id }).getCount();
    return { site, index };
  }

  /** Tickets of the day called (started) by `at`, latest first. */
  async called(siteId: number, day: InstantRange, at: Date): Promise<CalledRow[]> {
    const rows = await this.ofDay(siteId, day)
      .select(['c.ticket', 'c.counter', 'c.startedAt'])
      .andWhere('c.ticket IS NOT NULL')
      .andWhere('c.startedAt <= :at', { at: instantParam(this.dataSource, at) })
      .orderBy('c.startedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(CALLED_SHOWN)
      .getMany();
    return rows.map((c) => ({ ticket: c.ticket as string, counter: c.counter, startedAt: c.startedAt as Date }));
  }

  /** Waiting and in-service cases of the day at the site, and how many staff serve one of them. */
  async queue(siteId: number, day: InstantRange): Promise<{ waiting: number; inService: number; serving: number }> {
    const row = await this.ofDay(siteId, day)
      .select(`SUM(CASE WHEN c.status = 'waiting' THEN 1 ELSE 0 END)`, 'waiting')
      .addSelect(`SUM(CASE WHEN c.status = 'in_service' THEN 1 ELSE 0 END)`, 'inService')
      .addSelect(`COUNT(DISTINCT CASE WHEN c.status = 'in_service' THEN c.staffId END)`, 'serving')
      .andWhere('c.status IN (:...open)', { open: ['waiting', 'in_service'] })
      .getRawOne<{ waiting: unknown; inService: unknown; serving: unknown }>();
    return {
      waiting: Number(row?.waiting ?? 0),
      inService: Number(row?.inService ?? 0),
      serving: Number(row?.serving ?? 0),
    };
  }

  private ofDay(siteId: number, day: InstantRange): SelectQueryBuilder<SupportCaseEntity> {
    return this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .where('c.arrivedAt >= :dayStart', { dayStart: instantParam(this.dataSource, day.start) })
      .andWhere('c.arrivedAt < :dayEnd', { dayEnd: instantParam(this.dataSource, day.end) })
      .andWhere('c.siteId = :siteId', { siteId });
  }
}
