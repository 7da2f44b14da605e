import { Logger } from '@nestjs/common';
import { demoCatalogue, generateDemoCases } from '@madoguchi/demo-data';
import { DataSource, EntityManager } from 'typeorm';
import { UserAccount } from '../auth/user.entity';
import { hashPassword } from '../auth/password';
import { toCaseRow } from '../cases/case-row';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { SiteEntity } from '../catalog/site.entity';
import { OutageEntity } from '../outages/outage.entity';

export const DEMO_PASSWORD = 'madoguchi-demo';

// Rows per INSERT: well under SQLite's 32,766 bound variables at ~20 columns a row.
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
  // Id of sequence number 1; read after the first insert, as an emptied table may not restart its ids at 1.
  let firstId: number | null = null;
  let written = 0;
  let lastReport = Date.now();
  for (const batch of generateDemoCases({ cases: options.cases, seed: options.seed })) {
    const rows = batch.map((c) => ({
      ...toCaseRow({
        ...c,
        siteId: ids.siteIds.get(c.siteCode) ?? firstSite,
        staffId: c.staffUsername ? (ids.staffIds.get(c.staffUsername) ?? null) : null,
        paymentServiceId: c.paymentServiceName ? (ids.serviceIds.get(c.paymentServiceName) ?? null) : null,
      }),
      followUpCode: c.followUpCode,
      previousSeq: c.previousSeq,
    }));
    await dataSource.transaction(async (manager) => {
      const insert = (chunk: typeof rows) =>
        manager
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
      let from = 0;
      if (firstId === null && rows.length) {
        // The first case alone, so that its id is known before any later row has to point back to it.
        await insert(rows.slice(0, 1));
        firstId = await maxCaseId(manager);
        from = 1;
      }
      for (let i = from; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
      // Links by position are only right if the ids came out consecutive; refuse the batch rather than mislink.
      const lastId = await maxCaseId(manager);
      const expected = firstId === null ? null : firstId - 1 + written + rows.length;
      if (lastId !== expected) {
        throw new Error(`demo cases did not get consecutive ids: last id ${lastId}, expected ${expected}`);
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

async function maxCaseId(manager: EntityManager): Promise<number | null> {
  const row = await manager
    .createQueryBuilder(SupportCaseEntity, 'c')
    .select('MAX(c.id)', 'id')
    .getRawOne<{ id: unknown }>();
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}
