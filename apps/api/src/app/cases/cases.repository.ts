import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, Labelled, SupportCase } from '@madoguchi/contracts';
import { normaliseFollowUpCode, ticketLabel, ticketPrefix } from '@madoguchi/rules';
import { randomInt } from 'node:crypto';
import { Brackets, DataSource, EntityManager, LessThan, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { NotFoundProblem, StaleVersionProblem, ValidationProblem } from '../common/problems';
import { instantParam } from '../db/dialect';
import type { OutageEntity } from '../outages/outage.entity';
import type { InstantRange } from '../stats/instant-range';
import { rollupCaseOf } from '../stats/rollups/rollup-rows';
import { RollupsRepository } from '../stats/rollups/rollups.repository';
import { applyArrivalClock, applyCaseFilter, applySegment } from './case-filter';
import { toSupportCase } from './case-row';
import type { ListCasesQueryDto } from './cases.dto';
import { randomFollowUpCode } from './follow-up-code';
import { SupportCaseEntity } from './support-case.entity';

export const caseLabel = (id: number): Labelled => ({ ja: `ケース #${id}`, en: `Case #${id}` });

const unknownPaymentService = () =>
  new ValidationProblem(
    [
      {
        field: 'paymentServiceId',
        message: { ja: 'その決済サービスは登録されていません。', en: 'No payment service has this id.' },
      },
    ],
    422,
  );

export interface IssuedTicket {
  ticketDay: string;
  ticketNumber: number;
  ticket: string;
}

const FOLLOW_UP_CODE_ATTEMPTS = 8;

/** What narrows the case list besides the query's own fields: each outage and id was read before the list. */
export interface CaseListScope {
  start: Date | null | undefined;
  end: Date | null | undefined;
  turnedAwayIds?: number[];
  arrivedDuring?: OutageEntity | null;
  duringOutages?: InstantRange[];
  staffToday?: { start: Date; end: Date; userId: number };
}

/**
 * Every query of the cases: reads through the reading connection, and writes inside a caller's transaction, where
 * every change checks the version and leaves an audit line.
 */
@Injectable()
export class CasesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly rollups: RollupsRepository,
  ) {}

  /** A case as it is now, read outside any write. */
  read(id: number): Promise<SupportCaseEntity> {
    return this.load(this.dataSource.manager, id);
  }

  async load(manager: EntityManager, id: number): Promise<SupportCaseEntity> {
    // A query builder rather than findOne with relations: that one adds a second query with the id spelled into it.
    const entity = await manager
      .createQueryBuilder(SupportCaseEntity, 'c')
      .leftJoinAndSelect('c.staff', 'staff')
      .where('c.id = :id', { id })
      .getOne();
    if (!entity) throw new NotFoundProblem(caseLabel(id));
    return entity;
  }

  /** Refuses a change made on a screen that showed an older version, and hands back the case as it is now. */
  assertVersion(entity: SupportCaseEntity, version: number | undefined): void {
    if (version !== undefined && version !== entity.version) {
      throw new StaleVersionProblem<SupportCase>(caseLabel(entity.id), version, toSupportCase(entity));
    }
  }

  async assertPaymentService(manager: EntityManager, id: number | null): Promise<void> {
    if (id !== null && !(await manager.existsBy(PaymentServiceEntity, { id }))) throw unknownPaymentService();
  }

  /** The case a follow-up code points to; 422 naming the field when the code is malformed or unknown. */
  async caseOfFollowUpCode(manager: EntityManager, input: string): Promise<SupportCaseEntity> {
    const code = normaliseFollowUpCode(input);
    const found = code ? await manager.findOne(SupportCaseEntity, { where: { followUpCode: code } }) : null;
    if (!found) {
      throw new ValidationProblem(
        [
          {
            field: 'followUpCode',
            message: {
              ja: `再来庁コード「${input}」のケースは見つかりません。控えのコードをご確認ください。`,
              en: `No case has the follow-up code "${input}"; check the code on the slip.`,
            },
          },
        ],
        422,
      );
    }
    return found;
  }

  /** Writes only if the row is still at the version read (no lock needed), bumps it, and audits before and after. */
  async write(
    manager: EntityManager,
    before: SupportCaseEntity,
    changes: Partial<SupportCaseEntity>,
    actor: UserAccount,
    action: AuditAction,
  ): Promise<SupportCase> {
    const result = await manager.update(SupportCaseEntity, { id: before.id, version: before.version }, changes);
    if (result.affected === 0) this.assertVersion(await this.load(manager, before.id), before.version);
    const stored = await this.load(manager, before.id);
    // The statistics' counters change in the same transaction: they are never behind the cases.
    await this.rollups.apply(manager, before, stored);
    const after = toSupportCase(stored);
    await this.audit.record(manager, actor, {
      action,
      entityType: 'case',
      entityId: before.id,
      before: toSupportCase(before),
      after,
    });
    return after;
  }

  /** Inserts a new case row and hands back its id. */
  async insert(manager: EntityManager, row: Partial<SupportCaseEntity>): Promise<number> {
    const result = await manager.insert(SupportCaseEntity, row);
    await this.rollups.apply(manager, null, rollupCaseOf(row));
    return Number(result.identifiers[0]?.['id']);
  }

  /** The site a case is logged at: the one asked for, or else the first registered; null when there is none. */
  site(manager: EntityManager, wanted: number | null): Promise<SiteEntity | null> {
    return wanted
      ? manager.findOneBy(SiteEntity, { id: wanted })
      : manager.findOne(SiteEntity, { where: {}, order: { id: 'ASC' } });
  }

  /** The letter of a site's tickets, from its place among the sites (A for the first registered). */
  async siteTicketPrefix(manager: EntityManager, siteId: number): Promise<string> {
    return ticketPrefix(await manager.countBy(SiteEntity, { id: LessThan(siteId) }));
  }

  /**
   * The next ticket of a site's day: one more than the highest handed out, from 1 each Tokyo day. It must run inside
   * the write path, whose one writer takes each reception in turn; the unique index backs that up.
   */
  async nextTicket(manager: EntityManager, siteId: number, ticketDay: string): Promise<IssuedTicket> {
    const row = await manager
      .createQueryBuilder(SupportCaseEntity, 'c')
      .select('MAX(c.ticketNumber)', 'last')
      .where('c.siteId = :siteId AND c.ticketDay = :ticketDay', { siteId, ticketDay })
      .getRawOne<{ last: number | null }>();
    const ticketNumber = Number(row?.last ?? 0) + 1;
    return { ticketDay, ticketNumber, ticket: ticketLabel(await this.siteTicketPrefix(manager, siteId), ticketNumber) };
  }

  /** A code no case holds yet; checked inside the caller's transaction, and the unique index backs it up. */
  async unusedFollowUpCode(manager: EntityManager, random: (max: number) => number = randomInt): Promise<string> {
    for (let i = 0; i < FOLLOW_UP_CODE_ATTEMPTS; i++) {
      const code = randomFollowUpCode(random);
      if (!(await manager.existsBy(SupportCaseEntity, { followUpCode: code }))) return code;
    }
    throw new Error(`No unused follow-up code after ${FOLLOW_UP_CODE_ATTEMPTS} draws: the code space is nearly full`);
  }

  /** One page of the case list, newest arrival first. */
  async page(
    query: ListCasesQueryDto,
    scope: CaseListScope,
    page: number,
    pageSize: number,
  ): Promise<[SupportCaseEntity[], number]> {
    const { start, end } = scope;
    const qb = this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.staff', 'staff');
    if (start) qb.andWhere('c.arrivedAt >= :start', { start: instantParam(this.dataSource, start) });
    if (end) qb.andWhere('c.arrivedAt < :end', { end: instantParam(this.dataSource, end) });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.procedure) qb.andWhere('c.procedure = :procedure', { procedure: query.procedure });
    if (query.reason) qb.andWhere('c.reason = :reason', { reason: query.reason });
    applyCaseFilter(qb, query);
    applyArrivalClock(qb, this.dataSource, query);
    if (query.segment) applySegment(qb, query.segment);
    if (query.q?.trim()) this.matchNumberOrCode(qb, query.q);
    if (scope.turnedAwayIds) {
      const ids = scope.turnedAwayIds;
      if (ids.length) qb.andWhere('c.id IN (:...turnedAwayIds)', { turnedAwayIds: ids });
      else qb.andWhere('1 = 0');
    }
    if (scope.arrivedDuring !== undefined) this.matchArrivedDuring(qb, scope.arrivedDuring);
    if (scope.duringOutages) this.matchSpans(qb, scope.duringOutages);
    if (scope.staffToday) {
      const { userId, ...range } = scope.staffToday;
      qb.andWhere(
        new Brackets((own) => {
          own
            .where('(c.arrivedAt >= :todayStart AND c.arrivedAt < :todayEnd)', {
              todayStart: instantParam(this.dataSource, range.start),
              todayEnd: instantParam(this.dataSource, range.end),
            })
            .orWhere('c.staffId = :me', { me: userId });
        }),
      );
    }
    return qb
      .orderBy('c.arrivedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  private matchArrivedDuring(qb: SelectQueryBuilder<SupportCaseEntity>, outage: OutageEntity | null): void {
    if (!outage) {
      qb.andWhere('1 = 0');
      return;
    }
    qb.andWhere('c.arrivedAt >= :duringStart AND c.arrivedAt < :duringEnd', {
      duringStart: instantParam(this.dataSource, outage.startsAt),
      duringEnd: instantParam(this.dataSource, outage.endsAt ?? new Date()),
    });
  }

  /** The statistics' "during outages": cases that arrived in any of the merged spans. */
  private matchSpans(qb: SelectQueryBuilder<SupportCaseEntity>, spans: readonly InstantRange[]): void {
    if (!spans.length) {
      qb.andWhere('1 = 0');
      return;
    }
    qb.andWhere(
      new Brackets((any) =>
        spans.forEach((span, i) =>
          any.orWhere(`(c.arrivedAt >= :outageStart${i} AND c.arrivedAt < :outageEnd${i})`, {
            [`outageStart${i}`]: instantParam(this.dataSource, span.start),
            [`outageEnd${i}`]: instantParam(this.dataSource, span.end),
          }),
        ),
      ),
    );
  }

  /** `123`, `#123` or `＃１２３` is a case number; anything that reads as a follow-up code is that code. */
  private matchNumberOrCode(qb: SelectQueryBuilder<SupportCaseEntity>, input: string): void {
    const text = input.normalize('NFKC').trim();
    const number = /^#?\s*(\d{1,9})$/.exec(text);
    const code = normaliseFollowUpCode(text);
    if (number && code) {
      qb.andWhere('(c.id = :qId OR c.followUpCode = :qCode)', { qId: Number(number[1]), qCode: code });
    } else if (number) qb.andWhere('c.id = :qId', { qId: Number(number[1]) });
    else if (code) qb.andWhere('c.followUpCode = :qCode', { qCode: code });
    else qb.andWhere('1 = 0');
  }

  /** The visit a case follows up, with who served it. */
  previousVisit(id: number): Promise<SupportCaseEntity | null> {
    return this.dataSource.getRepository(SupportCaseEntity).findOne({ where: { id }, relations: { staff: true } });
  }

  /** The visits that follow a case up, in order of arrival. */
  followingVisits(id: number): Promise<SupportCaseEntity[]> {
    return this.dataSource.getRepository(SupportCaseEntity).find({
      where: { previousCaseId: id },
      relations: { staff: true },
      order: { arrivedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The case holding an already normalised follow-up code, with who served it. */
  byFollowUpCode(code: string): Promise<SupportCaseEntity | null> {
    return this.dataSource.getRepository(SupportCaseEntity).findOne({
      where: { followUpCode: code },
      relations: { staff: true },
    });
  }

  /** The site and payment service a return slip names. */
  slipPlaces(
    siteId: number,
    paymentServiceId: number | null,
  ): Promise<[SiteEntity | null, PaymentServiceEntity | null]> {
    return Promise.all([
      this.dataSource.getRepository(SiteEntity).findOneBy({ id: siteId }),
      paymentServiceId ? this.dataSource.getRepository(PaymentServiceEntity).findOneBy({ id: paymentServiceId }) : null,
    ]);
  }
}
