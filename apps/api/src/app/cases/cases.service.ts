import { Inject, Injectable } from '@nestjs/common';
import type { CaseHistory, Page, ReturnSlip, SupportCase } from '@madoguchi/contracts';
import { caseRecordProblems, CaseRecordFacts, normaliseFollowUpCode, tokyoDate, tokyoDayRange } from '@madoguchi/rules';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { DomainProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem } from '../common/problems';
import { deskCalendarSettings, programmeWindows, type Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { WritePath, type WriteWork } from '../db/write-path';
import { LiveHub } from '../live/live-hub';
import { OutagesRepository } from '../outages/outages.repository';
import { mergeSpans } from '../stats/instant-range';
import { mayChangeCase, mayReadCase, NOT_YOURS_TO_CHANGE, NOT_YOURS_TO_READ } from './case-access';
import { caseColumns, factsOf, toCaseRow, toSupportCase } from './case-row';
import { CreateCaseDto, ListCasesQueryDto, UpdateCaseDto } from './cases.dto';
import { CaseListScope, CasesRepository } from './cases.repository';
import { buildReturnSlip } from './return-slip';
import { SupportCaseEntity } from './support-case.entity';

/** Instants as the API received them, normalised to UTC ISO so that the rules compare like with like. */
const normalise = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
const cleanNote = (note: string | null | undefined) => (note?.trim() ? note.trim() : null);

const served = (status: CaseRecordFacts['status']) => status !== 'waiting' && status !== 'left';

class NoSlipProblem extends DomainProblem {
  constructor(id: number) {
    super(409, 'no-slip', 'No return slip', {
      ja: `ケース #${id} は未完了で終わっていないため、返却票はありません。`,
      en: `Case #${id} did not end not_completed, so it has no return slip.`,
    });
  }
}

@Injectable()
export class CasesService {
  constructor(
    private readonly writes: WritePath,
    private readonly store: CasesRepository,
    private readonly audit: AuditService,
    private readonly outages: OutagesRepository,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly live: LiveHub,
  ) {}

  /** A change to a case, announced to the live board once committed. */
  private write<T>(work: WriteWork<T>): Promise<T> {
    return this.live.afterCommit('cases', this.writes.run(work));
  }

  async create(dto: CreateCaseDto, user: UserAccount): Promise<SupportCase> {
    const facts: CaseRecordFacts = {
      status: dto.status ?? 'waiting',
      procedure: dto.procedure,
      representative: dto.representative ?? 'self',
      ageBand: dto.ageBand ?? null,
      paymentServiceId: dto.paymentServiceId ?? null,
      arrivedAt: normalise(dto.arrivedAt) ?? new Date().toISOString(),
      startedAt: normalise(dto.startedAt),
      endedAt: normalise(dto.endedAt),
      completed: dto.completed ?? [],
      alreadyReserved: dto.alreadyReserved ?? false,
      reason: dto.reason ?? null,
      note: cleanNote(dto.note),
      certRenewedAt: normalise(dto.certRenewedAt),
    };
    const problems = caseRecordProblems(facts, new Date(), this.settings.CERT_WAIT_HOURS);
    if (problems.length) throw new ValidationProblem(problems, 422);

    return this.write(async (manager) => {
      const siteId = await this.resolveSite(manager, dto.siteId, user);
      await this.store.assertPaymentService(manager, facts.paymentServiceId);
      const previous = dto.followUpCode ? await this.store.caseOfFollowUpCode(manager, dto.followUpCode) : null;
      const now = new Date();
      const channel = dto.channel ?? 'counter';
      const row = {
        ...toCaseRow({
          ...facts,
          siteId,
          staffId: served(facts.status) ? user.id : null,
          channel,
        }),
        followUpCode: facts.status === 'not_completed' ? await this.store.unusedFollowUpCode(manager) : null,
        previousCaseId: previous?.id ?? null,
        // Only someone who waits in the room gets a ticket; a phone call or a visit logged afterwards does not.
        ...(facts.status === 'waiting' && channel === 'counter'
          ? await this.store.nextTicket(manager, siteId, tokyoDate(new Date(facts.arrivedAt)))
          : { ticketDay: null, ticketNumber: null, ticket: null }),
        counter: null,
        createdAt: now,
        updatedAt: now,
      };
      const id = await this.store.insert(manager, row);
      // Every column was just written from `row`: the new case is known without reading it back.
      const created = toSupportCase(
        Object.assign(new SupportCaseEntity(), row, {
          id,
          staff: row.staffId === null ? null : user,
        }),
      );
      await this.audit.record(manager, user, {
        action: 'create',
        entityType: 'case',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
  }

  async get(id: number, user: UserAccount): Promise<SupportCase> {
    const entity = await this.store.read(id);
    if (!mayReadCase(user, entity)) throw new ForbiddenProblem(NOT_YOURS_TO_READ);
    return toSupportCase(entity);
  }

  /** Staff see today's cases and the ones they served; managers and admins every case. */
  async list(query: ListCasesQueryDto, user: UserAccount): Promise<Page<SupportCase>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { start, end } = tokyoDayRange(query.from, query.to);
    const scope: CaseListScope = { start, end };
    if (query.turnedAwayBy !== undefined) {
      const outage = await this.outages.find(query.turnedAwayBy);
      scope.turnedAwayIds = outage ? await this.outages.turnedAwayIds([outage]) : [];
    }
    if (query.arrivedDuring !== undefined) scope.arrivedDuring = await this.outages.find(query.arrivedDuring);
    if (query.duringOutages) scope.duringOutages = await this.duringOutages(start, end);
    if (user.role === 'staff') {
      const today = tokyoDate(new Date());
      const range = tokyoDayRange(today, today);
      scope.staffToday = { start: range.start as Date, end: range.end as Date, userId: user.id };
    }
    const [items, total] = await this.store.page(query, scope, page, pageSize);
    return { items: items.map(toSupportCase), total, page, pageSize };
  }

  /** The statistics' "during outages": every outage overlapping the days, merged and cut to them. */
  private async duringOutages(start: Date | null | undefined, end: Date | null | undefined) {
    if (!start || !end) {
      throw new ValidationProblem([
        {
          field: 'duringOutages',
          message: { ja: 'duringOutages には from と to が必要です。', en: 'duringOutages needs both from and to.' },
        },
      ]);
    }
    const outages = await this.outages.overlapping({ start, end });
    return mergeSpans(
      outages.map((o) => ({ start: o.startsAt, end: o.endsAt ?? end })),
      { start, end },
    );
  }

  /** A case's audit trail in order, with the visit it follows up and the visits that follow it up. */
  async history(id: number, user: UserAccount): Promise<CaseHistory> {
    const entity = await this.store.read(id);
    if (!mayReadCase(user, entity)) throw new ForbiddenProblem(NOT_YOURS_TO_READ);
    const previous = entity.previousCaseId ? await this.store.previousVisit(entity.previousCaseId) : null;
    const following = await this.store.followingVisits(id);
    return {
      entries: await this.audit.ofRecord('case', id),
      previous: previous ? toSupportCase(previous) : null,
      following: following.map(toSupportCase),
    };
  }

  /** A correction: the merged case is checked as a whole, as if it were logged in one go. */
  async update(id: number, dto: UpdateCaseDto, user: UserAccount): Promise<SupportCase> {
    return this.write(async (manager) => {
      const entity = await this.store.load(manager, id);
      if (!mayChangeCase(user, entity)) throw new ForbiddenProblem(NOT_YOURS_TO_CHANGE);
      this.store.assertVersion(entity, dto.version);
      const current = factsOf(entity);
      const pick = <K extends keyof CaseRecordFacts>(key: K, value: CaseRecordFacts[K] | undefined) =>
        value === undefined ? current[key] : value;
      const facts: CaseRecordFacts = {
        status: pick('status', dto.status),
        procedure: pick('procedure', dto.procedure),
        representative: pick('representative', dto.representative),
        ageBand: pick('ageBand', dto.ageBand),
        paymentServiceId: pick('paymentServiceId', dto.paymentServiceId),
        arrivedAt: dto.arrivedAt === undefined ? current.arrivedAt : (normalise(dto.arrivedAt) as string),
        startedAt: dto.startedAt === undefined ? current.startedAt : normalise(dto.startedAt),
        endedAt: dto.endedAt === undefined ? current.endedAt : normalise(dto.endedAt),
        completed: pick('completed', dto.completed),
        alreadyReserved: pick('alreadyReserved', dto.alreadyReserved),
        reason: pick('reason', dto.reason),
        note: dto.note === undefined ? current.note : cleanNote(dto.note),
      };
      // A renewal belongs to its reason: a correction to another reason drops it unless it sends one (refused).
      facts.certRenewedAt =
        dto.certRenewedAt !== undefined
          ? normalise(dto.certRenewedAt)
          : facts.reason === 'cert_wait_24h'
            ? (current.certRenewedAt ?? null)
            : null;
      const problems = caseRecordProblems(facts, new Date(), this.settings.CERT_WAIT_HOURS);
      if (problems.length) throw new ValidationProblem(problems, 422);
      if (dto.paymentServiceId !== undefined) await this.store.assertPaymentService(manager, facts.paymentServiceId);
      const siteId = dto.siteId === undefined ? entity.siteId : await this.resolveSite(manager, dto.siteId, user);

      let previousCaseId = entity.previousCaseId;
      if (dto.followUpCode === null) previousCaseId = null;
      else if (dto.followUpCode !== undefined) {
        const previous = await this.store.caseOfFollowUpCode(manager, dto.followUpCode);
        if (previous.id === entity.id) {
          throw new ValidationProblem(
            [
              {
                field: 'followUpCode',
                message: {
                  ja: 'このケース自身の再来庁コードです。前回のケースの控えのコードを入力してください。',
                  en: "This is the case's own follow-up code; enter the one on the earlier visit's slip.",
                },
              },
            ],
            422,
          );
        }
        previousCaseId = previous.id;
      }
      return this.store.write(
        manager,
        entity,
        {
          ...caseColumns(facts),
          siteId,
          channel: dto.channel ?? entity.channel,
          // A case corrected into service needs someone who served it: whoever records it.
          staffId: entity.staffId ?? (served(facts.status) ? user.id : null),
          previousCaseId,
          followUpCode:
            entity.followUpCode ??
            (facts.status === 'not_completed' ? await this.store.unusedFollowUpCode(manager) : null),
        },
        user,
        'update',
      );
    });
  }

  /** The earlier visit behind a follow-up code: the code is the capability, so any signed-in account may look. */
  async byFollowUpCode(input: string): Promise<SupportCase> {
    const code = normaliseFollowUpCode(input);
    const entity = code ? await this.store.byFollowUpCode(code) : null;
    if (!entity)
      throw new NotFoundProblem({
        ja: `再来庁コード「${input}」のケース`,
        en: `A case with follow-up code "${input}"`,
      });
    return toSupportCase(entity);
  }

  /** What the printed slip says. A case recorded before follow-up codes existed gets its code when first printed. */
  async slip(id: number, user: UserAccount): Promise<ReturnSlip> {
    const { entity, code } = await this.write(async (manager) => {
      const entity = await this.store.load(manager, id);
      if (!mayReadCase(user, entity)) throw new ForbiddenProblem(NOT_YOURS_TO_READ);
      if (entity.status !== 'not_completed' || !entity.reason || !entity.endedAt) throw new NoSlipProblem(id);
      if (entity.followUpCode) return { entity, code: entity.followUpCode };
      const code = await this.store.unusedFollowUpCode(manager);
      await this.store.write(manager, entity, { followUpCode: code }, user, 'assign_follow_up_code');
      return { entity, code };
    });
    const [site, service] = await this.store.slipPlaces(entity.siteId, entity.paymentServiceId);
    const endedAt = entity.endedAt as Date;
    return buildReturnSlip(
      {
        id: entity.id,
        followUpCode: code,
        siteName: site?.name ?? '',
        procedure: entity.procedure,
        alreadyReserved: entity.alreadyReserved,
        endedAt: endedAt.toISOString(),
        certRenewedAt: entity.certRenewedAt?.toISOString() ?? null,
        reason: entity.reason as NonNullable<typeof entity.reason>,
        paymentService: service && {
          id: service.id,
          name: service.name,
          appliesAtSpot: service.appliesAtSpot,
          requiresPreRegistration: service.requiresPreRegistration,
          requiredItems: service.requiredItems,
        },
      },
      {
        outages: await this.outages.windowsFrom(endedAt, { paymentServiceId: entity.paymentServiceId }),
        calendar: deskCalendarSettings(this.settings),
        windows: programmeWindows(this.settings),
        certWaitHours: this.settings.CERT_WAIT_HOURS,
      },
    );
  }

  private async resolveSite(manager: EntityManager, requested: number | undefined, user: UserAccount): Promise<number> {
    const wanted = requested ?? user.siteId ?? null;
    const site = await this.store.site(manager, wanted);
    if (!site) {
      throw new ValidationProblem(
        [{ field: 'siteId', message: { ja: 'その窓口(拠点)は登録されていません。', en: 'No site has this id.' } }],
        422,
      );
    }
    return site.id;
  }
}
