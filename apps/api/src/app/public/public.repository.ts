import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { instantParam } from '../db/dialect';
import { OutageEntity } from '../outages/outage.entity';
import type { InstantRange } from '../stats/instant-range';
import { StatsRepository } from '../stats/stats.repository';

/** How many of the latest calls the display lists. */
export const CALLED_SHOWN = 6;

export interface CalledRow {
  ticket: string;
  counter: number | null;
  startedAt: Date;
}

/**
 * Every query of the public pages. The display reads a site's tickets of one day, never a column that could tell who
 * a citizen is; the congestion page counts through the statistics' own arrival query.
 */
@Injectable()
export class PublicRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: StatsRepository,
  ) {}

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

  /** Staff members serving a case that arrived in the range right now. */
  async staffServing(range: InstantRange): Promise<unknown> {
    const row = await this.stats
      .arrived(range)
      .select('COUNT(DISTINCT c.staffId)', 'n')
      .andWhere('c.status = :inService', { inService: 'in_service' })
      .getRawOne<{ n: unknown }>();
    return row?.n;
  }

  /** Start → end in ms of the latest served cases that arrived by `at`, read newest first along the index. */
  async recentHandleMs(at: Date, limit: number): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .select(this.stats.sql.millisBetween('c.startedAt', 'c.endedAt'), 'v')
      .where('c.arrivedAt <= :at', { at: instantParam(this.dataSource, at) })
      .andWhere('c.startedAt IS NOT NULL')
      .andWhere('c.endedAt IS NOT NULL')
      .orderBy('c.arrivedAt', 'DESC')
      .limit(limit)
      .getRawMany<{ v: unknown }>();
    return rows.map((row) => Number(row.v));
  }

  /** Arrivals per Tokyo hour index (hours since 1970-01-01 00:00 JST) in the range. */
  async arrivalsByHour(range: InstantRange): Promise<Map<number, number>> {
    const rows = await this.stats
      .arrived(range)
      .select(this.stats.sql.tokyoHourIndex('c.arrivedAt'), 'h')
      .addSelect('COUNT(*)', 'n')
      .groupBy('h')
      .getRawMany<{ h: unknown; n: unknown }>();
    return new Map(rows.map((row) => [Number(row.h), Number(row.n)]));
  }

  /** The first and the latest arrival ever recorded, as the driver returns them. */
  async arrivalBounds(): Promise<{ first: unknown; last: unknown } | undefined> {
    return this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .select('MIN(c.arrivedAt)', 'first')
      .addSelect('MAX(c.arrivedAt)', 'last')
      .getRawOne<{ first: unknown; last: unknown }>();
  }

  /** Outages going on at any moment before `until` that have not ended by `at`, with their payment service. */
  outagesBetween(at: Date, until: Date): Promise<OutageEntity[]> {
    return this.dataSource
      .getRepository(OutageEntity)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.paymentService', 'ps')
      .where('o.startsAt < :until', { until: instantParam(this.dataSource, until) })
      .andWhere('(o.endsAt IS NULL OR o.endsAt > :at)', { at: instantParam(this.dataSource, at) })
      .orderBy('o.startsAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }

  /** An active payment service a citizen may pick, or null. */
  activePaymentService(id: number): Promise<PaymentServiceEntity | null> {
    return this.dataSource.getRepository(PaymentServiceEntity).findOneBy({ id, active: true });
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
