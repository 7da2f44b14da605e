import { Logger } from '@nestjs/common';
import { demoCatalogue, generateDemoCases } from '@madoguchi/demo-data';
import { DataSource } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { hashPassword } from '../auth/password';
import { toCaseRow } from '../cases/case-row';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { OutageEntity } from '../outages/outage.entity';

export const DEMO_PASSWORD = 'madoguchi-demo';

// Rows per INSERT: well under SQLite's 32,766 bound variables at ~18 columns a row.
const ROWS_PER_INSERT = 500;

export interface DemoSeedResult {
  seeded: boolean;
  cases: number;
}

/** Fills an empty database with the demo desk: catalogue, accounts, outages and a season of cases, in batches. */
export async function seedDemo(
  dataSource: DataSource,
  options: { cases: number; seed: number },
  logger = new Logger('Demo'),
): Promise<DemoSeedResult> {
  if ((await dataSource.getRepository(UserAccount).count()) > 0) return { seeded: false, cases: 0 };
  const catalogue = demoCatalogue();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const ids = await dataSource.transaction(async (manager) => {
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

  const firstSite = [...ids.siteIds.values()][0];
  let written = 0;
  let lastReport = Date.now();
  for (const batch of generateDemoCases({ cases: options.cases, seed: options.seed })) {
    const rows = batch.map((c) =>
      toCaseRow({
        ...c,
        siteId: ids.siteIds.get(c.siteCode) ?? firstSite,
        staffId: c.staffUsername ? (ids.staffIds.get(c.staffUsername) ?? null) : null,
        paymentServiceId: c.paymentServiceName ? (ids.serviceIds.get(c.paymentServiceName) ?? null) : null,
      }),
    );
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(SupportCaseEntity)
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .updateEntity(false)
          .execute();
      }
    });
    written += rows.length;
    if (Date.now() - lastReport > 2000) {
      logger.log(`demo cases: ${written.toLocaleString('en')} / ${options.cases.toLocaleString('en')}`);
      lastReport = Date.now();
    }
  }
  return { seeded: true, cases: written };
}
