import { Injectable } from '@nestjs/common';
import type { Labelled, PaymentService, PaymentServiceEntry, Site } from '@madoguchi/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { defined } from '../common/defined';
import { ConflictProblem, NotFoundProblem } from '../common/problems';
import { requireText } from '../common/require-text';
import { WritePath } from '../db/write-path';
import { CreatePaymentServiceDto, CreateSiteDto, UpdatePaymentServiceDto, UpdateSiteDto } from './catalog.dto';
import { CatalogRepository } from './catalog.repository';
import type { PaymentServiceEntity } from './payment-service.entity';
import type { SiteEntity } from './site.entity';

export const toPaymentServiceEntry = (e: PaymentServiceEntity): PaymentServiceEntry => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  appliesAtSpot: e.appliesAtSpot,
  requiresPreRegistration: e.requiresPreRegistration,
  requiredItems: [...e.requiredItems],
  active: e.active,
});

export const toPaymentService = (e: PaymentServiceEntity): PaymentService => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  appliesAtSpot: e.appliesAtSpot,
  requiresPreRegistration: e.requiresPreRegistration,
  requiredItems: e.requiredItems,
});

export const toSite = ({ id, code, name }: SiteEntity): Site => ({ id, code, name });

const serviceLabel = (id: number): Labelled => ({ ja: `決済サービス #${id}`, en: `Payment service #${id}` });
const siteLabel = (id: number): Labelled => ({ ja: `窓口(拠点) #${id}`, en: `Site #${id}` });

/** Names and items as typed, without stray spaces; an item left blank is dropped. */
const cleanItems = (items: string[]) => items.map((item) => item.trim()).filter((item) => item.length > 0);

/** Admins keep the catalogues; every change is one transaction with its audit line. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly repository: CatalogRepository,
    private readonly writes: WritePath,
    private readonly audit: AuditService,
  ) {}

  /** The services citizens may pick, by name. */
  async paymentServices(): Promise<PaymentService[]> {
    const rows = await this.repository.activePaymentServices();
    return rows.map(toPaymentService);
  }

  /** Every service, inactive ones too, for the catalogue screen and statistics on past cases. */
  async allPaymentServices(): Promise<PaymentServiceEntry[]> {
    const rows = await this.repository.allPaymentServices();
    return rows.map(toPaymentServiceEntry);
  }

  async sites(): Promise<Site[]> {
    const rows = await this.repository.sites();
    return rows.map(toSite);
  }

  createPaymentService(dto: CreatePaymentServiceDto, user: UserAccount): Promise<PaymentServiceEntry> {
    const name = requireText(dto.name, 'name');
    const requiredItems = cleanItems(dto.requiredItems);
    return this.writes.run(async (manager) => {
      await this.assertUniqueName(manager, name, null);
      const newId = await this.repository.insertPaymentService(manager, {
        name,
        kind: dto.kind,
        appliesAtSpot: dto.appliesAtSpot,
        requiresPreRegistration: dto.requiresPreRegistration,
        requiredItems,
        active: dto.active ?? true,
      });
      const after = toPaymentServiceEntry(await this.loadService(manager, newId));
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
    const name = dto.name === undefined ? undefined : requireText(dto.name, 'name');
    const requiredItems = dto.requiredItems === undefined ? undefined : cleanItems(dto.requiredItems);
    return this.writes.run(async (manager) => {
      const entity = await this.loadService(manager, id);
      if (name !== undefined) await this.assertUniqueName(manager, name, id);
      const before = toPaymentServiceEntry(entity);
      const changes = defined({ ...dto, name, requiredItems });
      if (!Object.keys(changes).length) return before;
      await this.repository.updatePaymentService(manager, id, changes);
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
    const name = requireText(dto.name, 'name');
    return this.writes.run(async (manager) => {
      await this.assertUniqueCode(manager, dto.code, null);
      const newId = await this.repository.insertSite(manager, { code: dto.code, name });
      const after = toSite(await this.loadSite(manager, newId));
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
    const name = dto.name === undefined ? undefined : requireText(dto.name, 'name');
    return this.writes.run(async (manager) => {
      const before = toSite(await this.loadSite(manager, id));
      if (dto.code !== undefined) await this.assertUniqueCode(manager, dto.code, id);
      const changes = defined({ code: dto.code, name });
      if (!Object.keys(changes).length) return before;
      await this.repository.updateSite(manager, id, changes);
      const after = toSite(await this.loadSite(manager, id));
      await this.audit.record(manager, user, { action: 'update', entityType: 'site', entityId: id, before, after });
      return after;
    });
  }

  private async loadService(manager: EntityManager, id: number): Promise<PaymentServiceEntity> {
    const entity = await this.repository.paymentService(manager, id);
    if (!entity) throw new NotFoundProblem(serviceLabel(id));
    return entity;
  }

  private async loadSite(manager: EntityManager, id: number): Promise<SiteEntity> {
    const entity = await this.repository.site(manager, id);
    if (!entity) throw new NotFoundProblem(siteLabel(id));
    return entity;
  }

  private async assertUniqueName(manager: EntityManager, name: string, id: number | null): Promise<void> {
    if (await this.repository.paymentServiceNameTaken(manager, name, id)) {
      throw new ConflictProblem(
        { ja: `決済サービス「${name}」はすでに登録されています。`, en: `A payment service named "${name}" exists.` },
        [{ field: 'name', message: { ja: '同じ名前の決済サービスがあります。', en: 'The name is taken.' } }],
      );
    }
  }

  private async assertUniqueCode(manager: EntityManager, code: string, id: number | null): Promise<void> {
    if (await this.repository.siteCodeTaken(manager, code, id)) {
      throw new ConflictProblem(
        { ja: `窓口コード「${code}」はすでに使われています。`, en: `The site code "${code}" is taken.` },
        [{ field: 'code', message: { ja: '同じコードの窓口があります。', en: 'The code is taken.' } }],
      );
    }
  }
}
