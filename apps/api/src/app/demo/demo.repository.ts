import { DataSource, EntityManager } from 'typeorm';
import type { demoCatalogue } from '@madoguchi/demo-data';
import { UserAccount } from '../auth/user.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { OutageEntity } from '../outages/outage.entity';

/** A demo case row, with the sequence number of the visit it follows up instead of an id. */
export type DemoCaseRow = Partial<SupportCaseEntity> & { previousSeq: number | null };

/** The demo seeder's statements; it runs before the server exists, so it is built on the opened data source. */
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hasAccounts(): Promise<boolean> {
    return (await this.dataSource.getRepository(UserAccount).count()) > 0;
  }

  /** Sites, payment services, accounts and outages in one transaction; the ids each name was given. */
  fillCatalogue(catalogue: ReturnType<typeof demoCatalogue>, passwordHash: string) {
    return this.dataSource.transaction(async (manager) => {
      const sites = await manager.save(
        SiteEntity,
        catalogue.sites.map((s) => manager.create(SiteEntity, s)),
      );
      const siteIds = new Map(sites.map((s) => [s.code, s.id]));
      const services = await manager.save(
        PaymentServiceEntity,
        catalogue.paymentServices.map((s) => manager.create(PaymentServiceEntity, { ...s, active: true })),
      );
      const serviceIds = new Map(services.map((s) => [s.name, s.id]));
      const accounts = await manager.save(
        UserAccount,
        catalogue.accounts.map((a) =>
          manager.create(UserAccount, { ...a, passwordHash, disabled: false, siteId: sites[0]?.id ?? null }),
        ),
      );
      const staffIds = new Map(accounts.map((a) => [a.username, a.id]));
      await manager.save(
        OutageEntity,
        catalogue.outages.map((o) =>
          manager.create(OutageEntity, {
            system: o.system,
            paymentServiceId: o.paymentServiceName ? (serviceIds.get(o.paymentServiceName) ?? null) : null,
            kind: o.kind,
            startsAt: new Date(o.startsAt),
            endsAt: o.endsAt ? new Date(o.endsAt) : null,
            affectsReservation: o.affects.includes('reservation'),
            affectsApplication: o.affects.includes('application'),
            note: o.note,
          }),
        ),
      );
      return { siteIds, serviceIds, staffIds };
    });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts cases in one statement; `firstId` is the id sequence number 1 got, null before it is known. */
  async insertCases(manager: EntityManager, chunk: readonly DemoCaseRow[], firstId: number | null): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SupportCaseEntity)
      .values(
        chunk.map(({ previousSeq, ...row }) => ({
          ...row,
          // The table was empty and rows go in in order, so sequence number n has id firstId - 1 + n.
          previousCaseId: previousSeq === null || firstId === null ? null : firstId - 1 + previousSeq,
        })),
      )
      .updateEntity(false)
      .execute();
  }

  async maxCaseId(manager: EntityManager): Promise<number | null> {
    const row = await manager
      .createQueryBuilder(SupportCaseEntity, 'c')
      .select('MAX(c.id)', 'id')
      .getRawOne<{ id: unknown }>();
    return row?.id === null || row?.id === undefined ? null : Number(row.id);
  }
}
