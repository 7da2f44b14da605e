/* Retention: old notes blanked by the server itself, their text gone from the audit log too; ended sessions deleted. */
import type { AuditEntry, Page, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { arrival, pastNotCompleted } from '../support/builders';
import { startApi } from '../support/api-server';
import { freshDatabase, TestDatabase } from '../support/engine';

describe('note retention', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await freshDatabase()));
  afterAll(() => database.drop());

  it('blanks notes past NOTE_RETENTION_DAYS, says so in the audit log without the text, keeps recent ones', async () => {
    const first = await startApi({}, database);
    const staff = await ApiClient.signIn(first.baseUrl, 'staff');
    const manager = await ApiClient.signIn(first.baseUrl, 'manager');
    const old = (await staff.post<SupportCase>('/api/cases', pastNotCompleted({ note: '古いメモ 市民課へ案内' }))).body;
    await manager.request('PATCH', `/api/cases/${old.id}`, { version: old.version, note: '古いメモ 訂正後' });
    const recent = (await staff.post<SupportCase>('/api/cases', arrival({ note: '今日のメモ' }))).body;
    await staff.post('/api/auth/logout');
    await first.stop();
    expect(await database.sql(`SELECT COUNT(*) AS n FROM audit_log WHERE "after" LIKE '%古いメモ%'`)).toEqual([
      { n: 2 },
    ]);
    const sessionsBefore = (await database.sql<{ n: number }>('SELECT COUNT(*) AS n FROM auth_token'))[0]?.n ?? 0;

    const second = await startApi({ NOTE_RETENTION_DAYS: '365' }, database);
    try {
      const reader = await ApiClient.signIn(second.baseUrl, 'manager');
      const deadline = Date.now() + 15_000;
      let oldNow = (await reader.get<SupportCase>(`/api/cases/${old.id}`)).body;
      while (oldNow.note !== null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        oldNow = (await reader.get<SupportCase>(`/api/cases/${old.id}`)).body;
      }
      expect(oldNow.note).toBeNull();
      expect((await reader.get<SupportCase>(`/api/cases/${recent.id}`)).body.note).toBe('今日のメモ');

      const history = await reader.get<Page<AuditEntry>>(`/api/audit?entityType=case&entityId=${old.id}`);
      expect(history.body.items[0]).toMatchObject({ action: 'remove_note', actorUsername: 'system' });
      // The text is nowhere in the file any more, in the case or in any audit snapshot.
      const everywhere = await database.sql(
        `SELECT (SELECT COUNT(*) FROM support_case WHERE note LIKE '%古いメモ%')
              + (SELECT COUNT(*) FROM audit_log WHERE "before" LIKE '%古いメモ%' OR "after" LIKE '%古いメモ%') AS n`,
      );
      expect(everywhere).toEqual([{ n: 0 }]);
      // The signed-out session is deleted; live ones are kept.
      expect(await database.sql('SELECT COUNT(*) AS n FROM auth_token WHERE "revokedAt" IS NOT NULL')).toEqual([
        { n: 0 },
      ]);
      expect(await database.sql('SELECT COUNT(*) AS n FROM auth_token')).toEqual([{ n: sessionsBefore }]);
      expect((await reader.get('/api/auth/me')).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
