import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { toSupportCase } from '../cases/case-row';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { FieldProblem, NotFoundProblem, StaleVersionProblem, ValidationProblem } from '../common/problems';
import { instantParam } from '../db/instants';
import { WritePath, type WriteWork } from '../db/write-path';
import { LiveHub } from '../live/live-hub';
import { OutageEntity } from './outage.entity';
import { OutagesReader } from './outages.reader';
import { CreateOutageDto, ListOutagesQueryDto, OutageCasesQueryDto, UpdateOutageDto } from './outages.dto';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WritePath,
    private readonly audit: AuditService,
    private readonly reader: OutagesReader,
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
      const result = await manager.insert(OutageEntity, {
        system: facts.system,
        paymentServiceId: facts.paymentServiceId,
        kind: dto.kind,
        startsAt: facts.startsAt,
        endsAt: facts.endsAt,
        ...columnsOf(facts.affects),
        note,
      });
      const outage = toOutage(await this.load(manager, Number(result.identifiers[0]['id'])));
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
      const result = await manager.update(
        OutageEntity,
        { id, version: entity.version },
        {
          system: facts.system,
          paymentServiceId: facts.paymentServiceId,
          kind: dto.kind ?? entity.kind,
          startsAt: facts.startsAt,
          endsAt: facts.endsAt,
          ...columnsOf(facts.affects),
          note: dto.note === undefined ? entity.note : cleanNote(dto.note),
        },
      );
      const after = toOutage(await this.load(manager, id));
      if (result.affected === 0) throw new StaleVersionProblem(outageLabel(id), dto.version, after);
      await this.audit.record(manager, user, { action: 'update', entityType: 'outage', entityId: id, before, after });
      return after;
    });
  }

  /** Outages overlapping the Tokyo days from..to: started before the range ends and not ended before it starts. */
  async list(query: ListOutagesQueryDto): Promise<Page<Outage>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const { start, end } = tokyoDayRange(query.from, query.to);
    const qb = this.dataSource.getRepository(OutageEntity).createQueryBuilder('o');
    if (end) qb.andWhere('o.startsAt < :end', { end: instantParam(this.dataSource, end) });
    if (start) this.runningAfter(qb, start);
    const [items, total] = await qb
      .orderBy('o.startsAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: items.map(toOutage), total, page, pageSize };
  }

  /** What the counter banner shows: outages going on now, and those announced for later today (Tokyo). */
  async active(now: Date = new Date()): Promise<ActiveOutages> {
    const today = tokyoDate(now);
    const endOfDay = tokyoDayRange(today, today).end as Date;
    const repository = this.dataSource.getRepository(OutageEntity);
    const active = this.runningAfter(
      repository.createQueryBuilder('o').where('o.startsAt <= :now', { now: instantParam(this.dataSource, now) }),
      now,
    );
    const laterToday = repository
      .createQueryBuilder('o')
      .where('o.startsAt > :now', { now: instantParam(this.dataSource, now) })
      .andWhere('o.startsAt < :endOfDay', { endOfDay: instantParam(this.dataSource, endOfDay) });
    const [running, coming] = await Promise.all([
      active.orderBy('o.startsAt', 'ASC').getMany(),
      laterToday.orderBy('o.startsAt', 'ASC').getMany(),
    ]);
    return { at: now.toISOString(), active: running.map(toOutage), laterToday: coming.map(toOutage) };
  }

  /** Cases that arrived during the outage (so far, if ongoing); a payment service's outage only its own cases. */
  async cases(id: number, query: OutageCasesQueryDto): Promise<OutageCasesPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const outage = await this.load(this.dataSource.manager, id);
    const during = () => {
      const qb = this.dataSource
        .getRepository(SupportCaseEntity)
        .createQueryBuilder('c')
        .where('c.arrivedAt >= :startsAt', { startsAt: instantParam(this.dataSource, outage.startsAt) })
        .andWhere('c.arrivedAt < :endsAt', { endsAt: instantParam(this.dataSource, outage.endsAt ?? new Date()) });
      if (outage.system === 'payment_service') {
        qb.andWhere('c.paymentServiceId = :serviceId', { serviceId: outage.paymentServiceId });
      }
      return qb;
    };
    const [[items, total], turnedAway] = await Promise.all([
      during()
        .leftJoinAndSelect('c.staff', 'staff')
        .orderBy('c.arrivedAt', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount(),
      this.reader.turnedAway([outage]),
    ]);
    return { outage: toOutage(outage), items: items.map(toSupportCase), total, page, pageSize, turnedAway };
  }

  private runningAfter(qb: SelectQueryBuilder<OutageEntity>, instant: Date): SelectQueryBuilder<OutageEntity> {
    return qb.andWhere(
      new Brackets((open) => {
        open.where('o.endsAt IS NULL').orWhere('o.endsAt > :after', { after: instantParam(this.dataSource, instant) });
      }),
    );
  }

  private async load(manager: EntityManager, id: number): Promise<OutageEntity> {
    const entity = await manager.findOneBy(OutageEntity, { id });
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
    if (o.paymentServiceId !== null && !(await manager.existsBy(PaymentServiceEntity, { id: o.paymentServiceId }))) {
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
