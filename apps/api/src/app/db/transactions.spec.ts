import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SiteEntity } from '../catalog/site.entity';
import { openDatabase } from './data-source';
import { Transactions } from './transactions';

describe('Transactions', () => {
  let dir: string;
  let dataSource: DataSource;
  let transactions: Transactions;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'madoguchi-tx-'));
    dataSource = await openDatabase(join(dir, 'test.sqlite'));
    transactions = new Transactions(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a failing action from undoing another one that ran at the same time', async () => {
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const failing = transactions.run(async (manager) => {
      await manager.insert(SiteEntity, { code: 'failing', name: 'A' });
      await pause();
      throw new Error('refused');
    });
    const succeeding = transactions.run(async (manager) => {
      await manager.insert(SiteEntity, { code: 'kept', name: 'B' });
      await pause();
    });
    await expect(failing).rejects.toThrow('refused');
    await succeeding;
    const codes = (await dataSource.getRepository(SiteEntity).find()).map((s) => s.code);
    expect(codes).toEqual(['kept']);
  });

  it('runs actions one after the other, in the order they came', async () => {
    const order: string[] = [];
    await Promise.all(
      ['first', 'second', 'third'].map((name, i) =>
        transactions.run(async () => {
          order.push(`${name} starts`);
          await new Promise((r) => setTimeout(r, 15 - i * 5));
          order.push(`${name} ends`);
        }),
      ),
    );
    expect(order).toEqual(['first starts', 'first ends', 'second starts', 'second ends', 'third starts', 'third ends']);
  });
});
