import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { SiteEntity } from '../catalog/site.entity';
import { openDatabase } from '../db/data-source';
import { ExportsRepository, EXPORT_BATCH_SIZE, ExportCase } from './exports.repository';

describe('reading an export in batches', () => {
  let dir: string;
  let dataSource: DataSource;
  let reader: ExportsRepository;
  const total = 2 * EXPORT_BATCH_SIZE + 345;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-export-'));
    dataSource = await openDatabase(join(dir, 'test.sqlite'));
    reader = new ExportsRepository(dataSource);
    await dataSource.getRepository(SiteEntity).insert({ code: 'city-hall', name: '市役所' });
    const siteId = (await dataSource.getRepository(SiteEntity).findOneByOrFail({ code: 'city-hall' })).id;
    // Few distinct arrival instants, inserted out of order: pages must break ties by id and skip nothing.
    const rows = Array.from({ length: total }, (_, i) => ({
      siteId,
      channel: 'counter' as const,
      procedure: 'reservation' as const,
      representative: 'self' as const,
      status: i % 3 === 0 ? ('left' as const) : ('waiting' as const),
      arrivedAt: new Date(Date.UTC(2021, 5, 7, 0, (i * 7) % 5)),
      version: 1,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await dataSource.getRepository(SupportCaseEntity).insert(rows.slice(i, i + 500));
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const readAll = async (filter = {}) => {
    const batches: ExportCase[][] = [];
    for await (const batch of reader.batches(filter)) batches.push(batch);
    return batches;
  };

  it('returns every case once, in arrival order with ids breaking ties, a batch at a time', async () => {
    const batches = await readAll();
    expect(batches.map((b) => b.length)).toEqual([EXPORT_BATCH_SIZE, EXPORT_BATCH_SIZE, 345]);
    const cases = batches.flat();
    expect(new Set(cases.map((c) => c.id)).size).toBe(total);
    // Instants come as the milliseconds stored: the five arrival minutes, 09:00 to 09:04 JST.
    expect([...new Set(cases.map((c) => c.arrivedAt))]).toEqual(
      [0, 1, 2, 3, 4].map((minute) => Date.UTC(2021, 5, 7, 0, minute)),
    );
    // Each case comes after the one before it: by arrival, then by id.
    cases.slice(1).forEach((b, i) => {
      // slice(1) shifts the index by one: cases[i] is the case just before b, always there.
      const a = cases[i] as (typeof cases)[number];
      expect(a.arrivedAt < b.arrivedAt || (a.arrivedAt === b.arrivedAt && a.id < b.id)).toBe(true);
    });
  });

  it('applies the filters on every page', async () => {
    const left = (await readAll({ status: 'left' })).flat();
    expect(left).toHaveLength(Math.ceil(total / 3));
    expect(left.every((c) => c.status === 'left')).toBe(true);
    expect((await readAll({ from: '2021-06-08' })).flat()).toEqual([]);
  });
});
