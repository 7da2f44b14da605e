import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Labelled, PaymentServiceEntry, Site } from '@madoguchi/contracts';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { defined } from '../common/defined';
import { ConflictProblem, NotFoundProblem, ValidationProblem } from '../common/problems';
import { WritePath } from '../db/write-path';
import { CreatePaymentServiceDto, CreateSiteDto, UpdatePaymentServiceDto, UpdateSiteDto } from './catalog.dto';
import { PaymentServiceEntity } from './payment-service.entity';
import { SiteEntity } from './site.entity';

export const toPaymentServiceEntry = (e: PaymentServiceEntity): PaymentServiceEntry => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  appliesAtSpot: e.appliesAtSpot,
  requiresPreRegistration: e.requiresPreRegistration,
  requiredItems: [...e.requiredItems],
  active: e.active,
});

export const toSite = ({ id, code, name }: SiteEntity): Site => ({ id, code, name });

const serviceLabel = (id: number): Labelled => ({ ja: `決済サービス #${id}`, en: `Payment service #${id}` });
const siteLabel = (id: number): Labelled => ({ ja: `窓口(拠点) #${id}`, en: `Site #${id}` });

/** Names and items as typed, without stray spaces; an item left blank is dropped. */
const cleanItems = (items: string[]) => items.map((item) => item.trim()).filter((item) => item.length > 0);

function requireText(field: string, value: string): string {
  const text = value.trim();
  if (!text) {
    throw new ValidationProblem(
      [{ field, message: { ja: `${field} を入力してください。`, en: `${field} must not be blank.` } }],
      422,
    );
  }
  return text;
}

/** Admins keep the catalogues; every change is one transaction with its audit line. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WritePath,
    private readonly audit: AuditService,
  ) {}

  /** Every service, inactive ones too, for the catalogue screen and statistics on past cases. */
  async allPaymentServices(): Promise<PaymentServiceEntry[]> {
    const rows = await this.dataSource.getRepository(PaymentServiceEntity).find({ order: { name: 'ASC' } });
    return rows.map(toPaymentServiceEntry);
  }

  createPaymentService(dto: CreatePaymentServiceDto, user: UserAccount): Promise<PaymentServiceEntry> {
    const name = requireText('name', dto.name);
    const requiredItems = cleanItems(dto.requiredItems);
    return this.writes.run(async (manager) => {
      await this.assertUniqueName(manager, name, null);
      const result = await manager.insert(PaymentServiceEntity, {
        name,
        kind: dto.kind,
        appliesAtSpot: dto.appliesAtSpot,
        requiresPreRegistration: dto.requiresPreRegistration,
        requiredItems,
        active: dto.active ?? true,
      });
      const after = toPaymentServiceEntry(await this.loadService(manager, Number(result.identifiers[0]['id'])));
      await this.audit.record(manager, user, {
        action: 'create',
        entityType: 'payment_service',
        entityId: after.id,
        before: null,
        after,
      });
      return after;
    });
  }

  updatePaymentService(id: number, dto: UpdatePaymentServiceDto, user: UserAccount): Promise<PaymentServiceEntry> {
    const name = dto.name === undefined ? undefined : requireText('name', dto.name);
    const requiredItems = dto.requiredItems === undefined ? undefined : cleanItems(dto.requiredItems);
    return this.writes.run(async (manager) => {
      const entity = await this.loadService(manager, id);
      if (name !== undefined) await this.assertUniqueName(manager, name, id);
      const before = toPaymentServiceEntry(entity);
      const changes = defined({ ...dto, name, requiredItems });
      if (!Object.keys(changes).length) return before;
      await manager.update(PaymentServiceEntity, { id }, changes);
      const after = toPaymentServiceEntry(await this.loadService(manager, id));
      await this.audit.record(manager, user, {
        action: 'update',
        entityType: 'payment_service',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  createSite(dto: CreateSiteDto, user: UserAccount): Promise<Site> {
    const name = requireText('name', dto.name);
    return this.writes.run(async (manager) => {
      await this.assertUniqueCode(manager, dto.code, null);
      const result = await manager.insert(SiteEntity, { code: dto.code, name });
      const after = toSite(await this.loadSite(manager, Number(result.identifiers[0]['id'])));
      await this.audit.record(manager, user, {
        action: 'create',
        entityType: 'site',
        entityId: after.id,
        before: null,
        after,
      });
      return after;
    });
  }

  updateSite(id: number, dto: UpdateSiteDto, user: UserAccount): Promise<Site> {
    const name = dto.name === undefined ? undefined : requireText('name', dto.name);
    return this.writes.run(async (manager) => {
      const before = toSite(await this.loadSite(manager, id));
      if (dto.code !== undefined) await this.assertUniqueCode(manager, dto.code, id);
      const changes = defined({ code: dto.code, name });
      if (!Object.keys(changes).length) return before;
      await manager.update(SiteEntity, { id }, changes);
      const after = toSite(await this.loadSite(manager, id));
      await this.audit.record(manager, user, { action: 'update', entityType: 'site', entityId: id, before, after });
      return after;
    });
  }

  private async loadService(manager: EntityManager, id: number): Promise<PaymentServiceEntity> {
    const entity = await manager.findOneBy(PaymentServiceEntity, { id });
    if (!entity) throw new NotFoundProblem(serviceLabel(id));
    return entity;
  }

  private async loadSite(manager: EntityManager, id: number): Promise<SiteEntity> {
    const entity = await manager.findOneBy(SiteEntity, { id });
    if (!entity) throw new NotFoundProblem(siteLabel(id));
    return entity;
  }

  private async assertUniqueName(manager: EntityManager, name: string, id: number | null): Promise<void> {
    if (await manager.existsBy(PaymentServiceEntity, id === null ? { name } : { name, id: Not(id) })) {
      throw new ConflictProblem(
        { ja: `決済サービス「${name}」はすでに登録されています。`, en: `A payment service named "${name}" exists.` },
        [{ field: 'name', message: { ja: '同じ名前の決済サービスがあります。', en: 'The name is taken.' } }],
      );
    }
  }

  private async assertUniqueCode(manager: EntityManager, code: string, id: number | null): Promise<void> {
    if (await manager.existsBy(SiteEntity, id === null ? { code } : { code, id: Not(id) })) {
      throw new ConflictProblem(
        { ja: `窓口コード「${code}」はすでに使われています。`, en: `The site code "${code}" is taken.` },
        [{ field: 'code', message: { ja: '同じコードの窓口があります。', en: 'The code is taken.' } }],
      );
    }
  }
}
