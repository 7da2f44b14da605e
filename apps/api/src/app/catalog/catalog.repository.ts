import { insertedId } from '../db/inserted-id';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { PaymentServiceEntity } from './payment-service.entity';
import { SiteEntity } from './site.entity';

/** Every query of the catalogues: reads on the reading connection, writes inside the caller's transaction. */
@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The services citizens may pick, by name. */
  activePaymentServices(): Promise<PaymentServiceEntity[]> {
    return this.dataSource
      .getRepository(PaymentServiceEntity)
      .find({ where: { active: true }, order: { name: 'ASC' } });
  }

  /** Every service, inactive ones too, by name. */
  allPaymentServices(): Promise<PaymentServiceEntity[]> {
    return this.dataSource.getRepository(PaymentServiceEntity).find({ order: { name: 'ASC' } });
  }

  /** Every site in the order it was registered. */
  sites(): Promise<SiteEntity[]> {
    return this.dataSource.getRepository(SiteEntity).find({ order: { id: 'ASC' } });
  }

  paymentService(manager: EntityManager, id: number): Promise<PaymentServiceEntity | null> {
    return manager.findOneBy(PaymentServiceEntity, { id });
  }

  site(manager: EntityManager, id: number): Promise<SiteEntity | null> {
    return manager.findOneBy(SiteEntity, { id });
  }

  /** Inserts a service and hands back its id. */
  async insertPaymentService(manager: EntityManager, row: Partial<PaymentServiceEntity>): Promise<number> {
    return insertedId(await manager.insert(PaymentServiceEntity, row));
  }

  async updatePaymentService(
    manager: EntityManager,
    id: number,
    changes: Partial<PaymentServiceEntity>,
  ): Promise<void> {
    await manager.update(PaymentServiceEntity, { id }, changes);
  }

  /** Inserts a site and hands back its id. */
  async insertSite(manager: EntityManager, row: Partial<SiteEntity>): Promise<number> {
    return insertedId(await manager.insert(SiteEntity, row));
  }

  async updateSite(manager: EntityManager, id: number, changes: Partial<SiteEntity>): Promise<void> {
    await manager.update(SiteEntity, { id }, changes);
  }

  /** Whether another service (not `id`) already has this name. */
  paymentServiceNameTaken(manager: EntityManager, name: string, id: number | null): Promise<boolean> {
    return manager.existsBy(PaymentServiceEntity, id === null ? { name } : { name, id: Not(id) });
  }

  /** Whether another site (not `id`) already has this code. */
  siteCodeTaken(manager: EntityManager, code: string, id: number | null): Promise<boolean> {
    return manager.existsBy(SiteEntity, id === null ? { code } : { code, id: Not(id) });
  }
}
