import { Injectable } from '@nestjs/common';
import type {
  ActiveOutages,
  Labelled,
  Outage,
  OutageCasesPage,
  OutageSystem,
  Page,
  PlatformFunction,
} from '@madoguchi/contracts';
import { tokyoDate, tokyoDayRange } from '@madoguchi/rules';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { toSupportCase } from '../cases/case-row';
import { FieldProblem, NotFoundProblem, StaleVersionProblem, ValidationProblem } from '../common/problems';
import { WritePath, type WriteWork } from '../db/write-path';
import { LiveHub } from '../live/live-hub';
import { OutageEntity } from './outage.entity';
import { CreateOutageDto, ListOutagesQueryDto, OutageCasesQueryDto, UpdateOutageDto } from './outages.dto';
import { OutagesRepository } from './outages.repository';

export const toOutage = (o: OutageEntity): Outage => ({
  id: o.id,
  system: o.system,
  paymentServiceId: o.paymentServiceId,
  kind: o.kind,
  startsAt: o.startsAt.toISOString(),
  endsAt: o.endsAt ? o.endsAt.toISOString() : null,
  affects: [
    ...(o.affectsReservation ? (['reservation'] as const) : []),
    ...(o.affectsApplication ? (['application'] as const) : []),
  ],
  note: o.note,
  version: o.version,
});

const outageLabel = (id: number): Labelled => ({ ja: `障害・メンテナンス #${id}`, en: `Outage #${id}` });

interface OutageFacts {
  system: OutageSystem;
  paymentServiceId: number | null;
  startsAt: Date;
  endsAt: Date | null;
  affects: PlatformFunction[];
}

const columnsOf = (affects: readonly PlatformFunction[]) => ({
  affectsReservation: affects.includes('reservation'),
  affectsApplication: affects.includes('application'),
});

const cleanNote = (note: string | null | undefined) => (note?.trim() ? note.trim() : null);

@Injectable()
export class OutagesService {
  constructor(
    private readonly writes: WritePath,
    private readonly audit: AuditService,
    private readonly repository: OutagesRepository,
    private readonly live: LiveHub,
  ) {}

  /** A recorded or changed outage, announced to the banners once committed. */
  private write<T>(work: WriteWork<T>): Promise<T> {
    return this.live.afterCommit('outages', this.writes.run(work));
  }

  async create(dto: CreateOutageDto, user: UserAccount): Promise<Outage> {
    const note = cleanNote(dto.note);
    const facts: OutageFacts = {
      system: dto.system,
      paymentServiceId: dto.paymentServiceId ?? null,
      startsAt: new Date(dto.startsAt),
      endsAt: dto.endsAt ? new Date(dto.endsAt) : null,
      affects: dto.affects,
    };
    return this.write(async (manager) => {
      await this.check(manager, facts);
      const newId = await this.repository.insert(manager, {
        system: facts.system,
        paymentServiceId: facts.paymentServiceId,
        kind: dto.kind,
        startsAt: facts.startsAt,
        endsAt: facts.endsAt,
        ...columnsOf(facts.affects),
        note,
      });
      const outage = toOutage(await this.load(manager, newId));
      await this.audit.record(manager, user, {
        action: 'create',
        entityType: 'outage',
        entityId: outage.id,
        before: null,
        after: outage,
      });
      return outage;
    });
  }

  async update(id: number, dto: UpdateOutageDto, user: UserAccount): Promise<Outage> {
    return this.write(async (manager) => {
      const entity = await this.load(manager, id);
      const before = toOutage(entity);
      if (dto.version !== entity.version) throw new StaleVersionProblem(outageLabel(id), dto.version, before);
      const system = dto.system ?? entity.system;
      const facts: OutageFacts = {
        system,
        // Moving an outage off a payment service drops the service it named.
        paymentServiceId:
          dto.paymentServiceId !== undefined
            ? dto.paymentServiceId
            : system === 'payment_service'
              ? entity.paymentServiceId
              : null,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : entity.startsAt,
        endsAt: dto.endsAt === undefined ? entity.endsAt : dto.endsAt ? new Date(dto.endsAt) : null,
        affects: dto.affects ?? before.affects,
      };
      await this.check(manager, facts);
      const written = await this.repository.update(manager, id, entity.version, {
        system: facts.system,
        paymentServiceId: facts.paymentServiceId,
        kind: dto.kind ?? entity.kind,
        startsAt: facts.startsAt,
        endsAt: facts.endsAt,
        ...columnsOf(facts.affects),
        note: dto.note === undefined ? entity.note : cleanNote(dto.note),
      });
      const after = toOutage(await this.load(manager, id));
      if (!written) throw new StaleVersionProblem(outageLabel(id), dto.version, after);
      await this.audit.record(manager, user, { action: 'update', entityType: 'outage', entityId: id, before, after });
      return after;
    });
  }

  /** Outages overlapping the Tokyo days from..to: started before the range ends and not ended before it starts. */
  async list(query: ListOutagesQueryDto): Promise<Page<Outage>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const { start, end } = tokyoDayRange(query.from, query.to);
    const [items, total] = await this.repository.page(start, end, page, pageSize);
    return { items: items.map(toOutage), total, page, pageSize };
  }

  /** What the counter banner shows: outages going on now, and those announced for later today (Tokyo). */
  async active(now: Date = new Date()): Promise<ActiveOutages> {
    const today = tokyoDate(now);
    const endOfDay = tokyoDayRange(today, today).end as Date;
    const [running, coming] = await this.repository.activeAndLater(now, endOfDay);
    return { at: now.toISOString(), active: running.map(toOutage), laterToday: coming.map(toOutage) };
  }

  /** Cases that arrived during the outage (so far, if ongoing); a payment service's outage only its own cases. */
  async cases(id: number, query: OutageCasesQueryDto): Promise<OutageCasesPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const outage = this.found(id, await this.repository.read(id));
    const [[items, total], turnedAway] = await Promise.all([
      this.repository.casesDuring(outage, page, pageSize),
      this.repository.turnedAway([outage]),
    ]);
    return { outage: toOutage(outage), items: items.map(toSupportCase), total, page, pageSize, turnedAway };
  }

  private async load(manager: EntityManager, id: number): Promise<OutageEntity> {
    return this.found(id, await this.repository.load(manager, id));
  }

  private found(id: number, entity: OutageEntity | null): OutageEntity {
    if (!entity) throw new NotFoundProblem(outageLabel(id));
    return entity;
  }

  private async check(manager: EntityManager, o: OutageFacts): Promise<void> {
    const problems: FieldProblem[] = [];
    if (o.system === 'payment_service' && o.paymentServiceId === null) {
      problems.push({
        field: 'paymentServiceId',
        message: {
          ja: '決済サービスの障害では、どの決済サービスかを選んでください。',
          en: 'A payment_service outage needs the payment service it concerns.',
        },
      });
    }
    if (o.system !== 'payment_service' && o.paymentServiceId !== null) {
      problems.push({
        field: 'paymentServiceId',
        message: {
          ja: '決済サービスを選べるのは、決済サービスの障害のときだけです。',
          en: 'Only a payment_service outage names a payment service.',
        },
      });
    }
    if (o.paymentServiceId !== null && !(await this.repository.paymentServiceExists(manager, o.paymentServiceId))) {
      problems.push({
        field: 'paymentServiceId',
        message: { ja: 'その決済サービスは登録されていません。', en: 'No payment service has this id.' },
      });
    }
    if (o.endsAt && o.endsAt.getTime() <= o.startsAt.getTime()) {
      problems.push({
        field: 'endsAt',
        message: { ja: '終了日時は開始日時より後にしてください。', en: 'endsAt must be after startsAt.' },
      });
    }
    if (!o.affects.length) {
      problems.push({
        field: 'affects',
        message: { ja: '止まる機能を1つ以上選んでください。', en: 'affects needs at least one function.' },
      });
    }
    if (problems.length) throw new ValidationProblem(problems, 422);
  }
}
