import { Logger } from '@nestjs/common';
import { demoCatalogue, generateDemoCases } from '@madoguchi/demo-data';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { toCaseRow } from '../cases/case-row';
import { rebuildRollups } from '../stats/rollups/rollup-rebuild';
import { DemoRepository } from './demo.repository';

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
  const repository = new DemoRepository(dataSource);
  if (await repository.hasAccounts()) return { seeded: false, cases: 0 };
  const catalogue = demoCatalogue();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const ids = await repository.fillCatalogue(catalogue, passwordHash);

  const [firstSite] = ids.siteIds.values();
  if (firstSite === undefined) throw new Error('The demo catalogue has no site');
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
    await repository.transaction(async (manager) => {
      const insert = (chunk: typeof rows) => repository.insertCases(manager, chunk, firstId);
      let from = 0;
      if (firstId === null && rows.length) {
        // The first case alone, so that its id is known before any later row has to point back to it.
        await insert(rows.slice(0, 1));
        firstId = await repository.maxCaseId(manager);
        from = 1;
      }
      for (let i = from; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
      // Links by position are only right if the ids came out consecutive; refuse the batch rather than mislink.
      const lastId = await repository.maxCaseId(manager);
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
  // Counted once from the stored cases, a month at a time: far quicker than counting case by case on insert.
  await rebuildRollups(dataSource.manager, (done, of) => {
    if (done === of || Date.now() - lastReport > 2000) {
      logger.log(`statistics counters: ${done} / ${of} months`);
      lastReport = Date.now();
    }
  });
  return { seeded: true, cases: written };
}
