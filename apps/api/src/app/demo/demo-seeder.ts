import { Logger } from '@nestjs/common';
import { demoCatalogue, generateDemoCases } from '@madoguchi/demo-data';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { rebuildRollups } from '../stats/rollups/rollup-rebuild';
import { type DemoCatalogueIds, DemoRepository } from './demo.repository';

export const DEMO_PASSWORD = 'madoguchi-demo';

// Cases per generated batch: PostgreSQL takes a batch in one statement, SQLite in statements of a few hundred rows.
const CASES_PER_BATCH = 5000;

export interface DemoSeedResult {
  seeded: boolean;
  cases: number;
  /** Time spent writing the cases, catalogue included. */
  seconds: number;
}

/** Fills an empty database with the demo desk: catalogue, accounts, outages and a season of cases. */
export async function seedDemo(
  dataSource: DataSource,
  options: { cases: number; seed: number },
  logger = new Logger('Demo'),
): Promise<DemoSeedResult> {
  const repository = new DemoRepository(dataSource);
  if (await repository.hasAccounts()) return { seeded: false, cases: 0, seconds: 0 };
  const started = performance.now();
  const catalogue = demoCatalogue();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const ids = await repository.fillCatalogue(catalogue, passwordHash);

  // All cases in one transaction: a seeding cut short leaves accounts and catalogue but no half season of cases.
  const written = await repository.transaction(async (manager) => {
    const count = await repository.withCaseIndexesSetAside(manager, () =>
      writeCases(repository, manager, ids, options, logger),
    );
    // The statistics' counters, counted once from the stored cases a month at a time: quicker than case by case.
    let lastReport = Date.now();
    await rebuildRollups(manager, (done, of) => {
      if (done === of || Date.now() - lastReport > 2000) {
        logger.log(`statistics counters: ${done} / ${of} months`);
        lastReport = Date.now();
      }
    });
    return count;
  });
  // PostgreSQL's planner learns of a whole season at once only when asked (SQLite's is asked at every start).
  if (dataSource.options.type === 'postgres') await dataSource.query('ANALYZE');
  return { seeded: true, cases: written, seconds: (performance.now() - started) / 1000 };
}

/** Generates the season's cases batch by batch and writes them in order, return visits pointing to their first visit. */
async function writeCases(
  repository: DemoRepository,
  manager: EntityManager,
  ids: DemoCatalogueIds,
  options: { cases: number; seed: number },
  logger: Logger,
): Promise<number> {
  const writer = repository.caseWriter(manager, ids);
  // Id of sequence number 1; read after the first insert, as an emptied table may not restart its ids at 1.
  let firstId: number | null = null;
  let count = 0;
  let lastReport = Date.now();
  // One batch is stored while the next is generated: PostgreSQL works on its own cores meanwhile.
  let storing: Promise<void> = Promise.resolve();
  for (const batch of generateDemoCases({ cases: options.cases, seed: options.seed, batchSize: CASES_PER_BATCH })) {
    await storing;
    if (firstId === null && batch.length) {
      // The first case alone, so that its id is known before any later row has to point back to it.
      await writer.insert(batch.slice(0, 1), null);
      firstId = await repository.maxCaseId(manager);
      storing = writer.insert(batch.slice(1), firstId);
    } else {
      storing = writer.insert(batch, firstId);
    }
    count += batch.length;
    if (Date.now() - lastReport > 2000) {
      logger.log(`demo cases: ${count.toLocaleString('en')} / ${options.cases.toLocaleString('en')}`);
      lastReport = Date.now();
    }
  }
  await storing;
  // Links by position are only right if the ids came out consecutive: distinct ids from firstId whose largest is
  // firstId - 1 + count are exactly those. Otherwise the seeding is refused and its transaction undone.
  const lastId = await repository.maxCaseId(manager);
  const expected = firstId === null ? null : firstId - 1 + count;
  if (lastId !== expected) {
    throw new Error(`demo cases did not get consecutive ids: last id ${lastId}, expected ${expected}`);
  }
  return count;
}
