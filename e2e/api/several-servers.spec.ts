/*
 * Two API servers on one database, as several processes behind a load balancer run: concurrent edits of the same
 * cases lose no update, every change is audited once, and what must be unique (follow-up codes, ticket numbers) is.
 * Each server has its own connections and write path, so they meet only in the database.
 */
import type { AuditEntry, Page, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { arrival, created, pastNotCompleted } from '../support/builders';
import { freshDatabase, TestDatabase } from '../support/engine';

describe('two servers on one database', () => {
  let database: TestDatabase;
  let east: ApiServer;
  let west: ApiServer;
  let eastManager: ApiClient;
  let westManager: ApiClient;

  beforeAll(async () => {
    database = await freshDatabase();
    // One after the other: the first writes the demo accounts, the second finds them.
    east = await startApi({}, database);
    west = await startApi({}, database);
    eastManager = await ApiClient.signIn(east.baseUrl, 'manager');
    westManager = await ApiClient.signIn(west.baseUrl, 'manager');
  });
  afterAll(async () => {
    await east.stop();
    await west.stop();
    await database.drop();
  });

  it('lets exactly one of two simultaneous edits of a case win; the other is told, and nothing is lost', async () => {
    const cases = await Promise.all(Array.from({ length: 12 }, () => created(eastManager, pastNotCompleted())));
    const answers = await Promise.all(
      cases.flatMap((c) => [
        eastManager.request<SupportCase>('PATCH', `/api/cases/${c.id}`, { version: c.version, note: `east ${c.id}` }),
        westManager.request<SupportCase>('PATCH', `/api/cases/${c.id}`, { version: c.version, note: `west ${c.id}` }),
      ]),
    );
    for (const [i, c] of cases.entries()) {
      const pair = answers.slice(2 * i, 2 * i + 2);
      expect(pair.map((a) => a.status).sort()).toEqual([200, 409]);
      const winner = pair.find((a) => a.status === 200)?.body as SupportCase;
      // Read back through the other server: the winner's note, one version later, for both.
      for (const reader of [eastManager, westManager]) {
        const stored = (await reader.get<SupportCase>(`/api/cases/${c.id}`)).body;
        expect(stored).toMatchObject({ note: winner.note, version: c.version + 1 });
      }
      const history = await westManager.get<Page<AuditEntry>>(`/api/audit?entityType=case&entityId=${c.id}`);
      expect(history.body.items.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
    }
  });

  it('hands out a different follow-up code to every case left unfinished on either server at the same time', async () => {
    const cases = await Promise.all(
      Array.from({ length: 40 }, (_, i) => created(i % 2 ? eastManager : westManager, pastNotCompleted())),
    );
    const codes = cases.map((c) => c.followUpCode);
    expect(codes.every((code) => typeof code === 'string' && code.length > 0)).toBe(true);
    expect(new Set(codes).size).toBe(40);
  });

  it('numbers the tickets of a day 1, 2, 3… across both servers, none twice and none skipped', async () => {
    const cases = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        created(i % 2 ? eastManager : westManager, arrival({ arrivedAt: '2020-11-25T10:00:00+09:00' })),
      ),
    );
    const numbers = cases.map((c) => Number(c.ticket?.slice(2))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
