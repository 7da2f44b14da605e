import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, SupportCase } from '@madoguchi/contracts';
import { caseRecordProblems, CaseRecordFacts, tokyoDayRange } from '@madoguchi/rules';
import { DataSource, EntityManager } from 'typeorm';
import type { UserAccount } from '../auth/user.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { NotFoundProblem, ValidationProblem } from '../common/problems';
import { guardFreeText } from '../common/personal-data';
import { instantParam } from '../db/instants';
import { toCaseRow } from './case-row';
import { CreateCaseDto, ListCasesQueryDto } from './cases.dto';
import { SupportCaseEntity } from './support-case.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSupportCase(entity: SupportCaseEntity): SupportCase {
  return {
    id: entity.id,
    siteId: entity.siteId,
    staffUsername: entity.staff?.username ?? null,
    channel: entity.channel,
    procedure: entity.procedure,
    ageBand: entity.ageBand,
    representative: entity.representative,
    paymentServiceId: entity.paymentServiceId,
    status: entity.status,
    arrivedAt: entity.arrivedAt.toISOString(),
    startedAt: iso(entity.startedAt),
    endedAt: iso(entity.endedAt),
    completed: [
      ...(entity.completedReservation ? (['reservation'] as const) : []),
      ...(entity.completedApplication ? (['application'] as const) : []),
    ],
    alreadyReserved: entity.alreadyReserved,
    reason: entity.reason,
    note: entity.note,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** Instants as the API received them, normalised to UTC ISO so that the rules compare like with like. */
const normalise = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

@Injectable()
export class CasesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
      note: dto.note?.trim() ? dto.note.trim() : null,
    };
    guardFreeText({ note: facts.note });
    const problems = caseRecordProblems(facts);
    if (problems.length) throw new ValidationProblem(problems, 422);

    const id = await this.dataSource.transaction(async (manager) => {
      const siteId = await this.resolveSite(manager, dto.siteId, user);
      if (
        facts.paymentServiceId !== null &&
        !(await manager.existsBy(PaymentServiceEntity, { id: facts.paymentServiceId }))
      ) {
        throw new ValidationProblem(
          [
            {
              field: 'paymentServiceId',
              message: { ja: 'その決済サービスは登録されていません。', en: 'No payment service has this id.' },
            },
          ],
          422,
        );
      }
      const served = facts.status !== 'waiting' && facts.status !== 'left';
      const result = await manager.insert(
        SupportCaseEntity,
        toCaseRow({ ...facts, siteId, staffId: served ? user.id : null, channel: dto.channel ?? 'counter' }),
      );
      return Number(result.identifiers[0]['id']);
    });
    return this.get(id);
  }

  async get(id: number): Promise<SupportCase> {
    const entity = await this.dataSource.getRepository(SupportCaseEntity).findOne({
      where: { id },
      relations: { staff: true },
    });
    if (!entity) throw new NotFoundProblem({ ja: `ケース #${id}`, en: `Case #${id}` });
    return toSupportCase(entity);
  }

  async list(query: ListCasesQueryDto): Promise<Page<SupportCase>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { start, end } = tokyoDayRange(query.from, query.to);
    const qb = this.dataSource
      .getRepository(SupportCaseEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.staff', 'staff');
    if (start) qb.andWhere('c.arrivedAt >= :start', { start: instantParam(this.dataSource, start) });
    if (end) qb.andWhere('c.arrivedAt < :end', { end: instantParam(this.dataSource, end) });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.procedure) qb.andWhere('c.procedure = :procedure', { procedure: query.procedure });
    if (query.reason) qb.andWhere('c.reason = :reason', { reason: query.reason });
    const [items, total] = await qb
      .orderBy('c.arrivedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: items.map(toSupportCase), total, page, pageSize };
  }

  private async resolveSite(manager: EntityManager, requested: number | undefined, user: UserAccount): Promise<number> {
    const wanted = requested ?? user.siteId ?? null;
    const site = wanted
      ? await manager.findOneBy(SiteEntity, { id: wanted })
      : await manager.findOne(SiteEntity, { where: {}, order: { id: 'ASC' } });
    if (!site) {
      throw new ValidationProblem(
        [{ field: 'siteId', message: { ja: 'その窓口(拠点)は登録されていません。', en: 'No site has this id.' } }],
        422,
      );
    }
    return site.id;
  }
}
