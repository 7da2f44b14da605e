/* The demo season as the seeding stores it: every case the generator makes, in order, each return visit pointing to
   the visit it follows up, and the case table's indexes and foreign keys all there afterwards. */
// The generator is the truth the stored season is compared with; only this test reads it directly.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { generateDemoCases, type DemoCase } from '@madoguchi/demo-data';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { StatsService } from '../../apps/api/src/testing';
import { ApiClient } from '../support/api-client';
import { startApi, type ApiServer } from '../support/api-server';

const CASES = 3000;
// The server's default DEMO_SEED.
const SEED = 20200701;

interface StoredCase {
  id: number;
  siteCode: string;
  staffUsername: string | null;
  channel: string;
  procedure: string;
  ageBand: string | null;
  representative: string;
  paymentServiceName: string | null;
  status: string;
  arrivedAt: unknown;
  startedAt: unknown;
  endedAt: unknown;
  completedReservation: unknown;
  completedApplication: unknown;
  alreadyReserved: unknown;
  reason: string | null;
  note: string | null;
  followUpCode: string | null;
  previousCaseId: number | null;
  version: number;
}

/** An instant as either engine returns it (SQLite's UTC text, PostgreSQL's Date), as the generator writes it. */
const iso = (value: unknown): string | null =>
  value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();

describe('the demo season, stored', () => {
  let server: ApiServer;
  let stored: StoredCase[];

  beforeAll(async () => {
    server = await startApi({ DEMO_CASES: String(CASES) });
    stored = await server.sql<StoredCase>(
      `SELECT c.id, s.code AS "siteCode", u.username AS "staffUsername", c.channel, c.procedure, c."ageBand",
              c.representative, p.name AS "paymentServiceName", c.status, c."arrivedAt", c."startedAt", c."endedAt",
              c."completedReservation", c."completedApplication", c."alreadyReserved", c.reason, c.note,
              c."followUpCode", c."previousCaseId", c.version
       FROM support_case c
       JOIN site s ON s.id = c."siteId"
       LEFT JOIN user_account u ON u.id = c."staffId"
       LEFT JOIN payment_service p ON p.id = c."paymentServiceId"
       ORDER BY c.id`,
    );
  });

  afterAll(() => server?.stop());

  it('holds every generated case in order, return visits linked to the visit they follow up', () => {
    const generated: DemoCase[] = [...generateDemoCases({ cases: CASES, seed: SEED })].flat();
    expect(generated.some((c) => c.previousSeq !== null)).toBe(true);
    const firstId = stored[0]?.id ?? 0;
    const asGenerated = stored.map((row): DemoCase => ({
      siteCode: row.siteCode,
      staffUsername: row.staffUsername,
      channel: row.channel as DemoCase['channel'],
      procedure: row.procedure as DemoCase['procedure'],
      ageBand: row.ageBand as DemoCase['ageBand'],
      representative: row.representative as DemoCase['representative'],
      paymentServiceName: row.paymentServiceName,
      status: row.status as DemoCase['status'],
      arrivedAt: iso(row.arrivedAt) as string,
      startedAt: iso(row.startedAt),
      endedAt: iso(row.endedAt),
      completed: [
        ...(row.completedReservation ? (['reservation'] as const) : []),
        ...(row.completedApplication ? (['application'] as const) : []),
      ],
      alreadyReserved: Boolean(row.alreadyReserved),
      reason: row.reason as DemoCase['reason'],
      note: row.note,
      followUpCode: row.followUpCode,
      previousSeq: row.previousCaseId === null ? null : Number(row.previousCaseId) - firstId + 1,
    }));
    expect(asGenerated).toEqual(generated);
    expect(stored.map((row) => Number(row.id))).toEqual(stored.map((_, i) => firstId + i));
    expect(new Set(stored.map((row) => Number(row.version)))).toEqual(new Set([1]));
  });

  it('keeps every index and foreign key of the case table', async () => {
    const indexes =
      server.database.engine === 'sqlite'
        ? await server.sql<{ name: string }>(
            `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'support_case' AND sql IS NOT NULL`,
          )
        : await server.sql<{ name: string }>(
            `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'support_case' AND indexname NOT LIKE 'PK_%'`,
          );
    expect(indexes.map((row) => row.name).sort()).toEqual([
      'idx_case_arrived',
      'idx_case_previous',
      'idx_case_procedure_arrived',
      'idx_case_reason_arrived',
      'idx_case_staff_arrived',
      'idx_case_status_arrived',
      'uq_case_follow_up_code',
      'uq_case_ticket',
    ]);
    const foreignKeys =
      server.database.engine === 'sqlite'
        ? await server.sql<{ name: string }>(
            `SELECT "table" || '.' || "from" AS name FROM pragma_foreign_key_list('support_case')`,
          )
        : await server.sql<{ name: string }>(
            `SELECT conname AS name FROM pg_constraint WHERE conrelid = 'support_case'::regclass AND contype = 'f'`,
          );
    expect(foreignKeys).toHaveLength(4);
  });

  it("counts the season into the statistics' counters: every route equals a recount from the cases", async () => {
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const stats = server.get(StatsService);
    // The whole season, a month inside it, and days across a month's end.
    for (const [from, to] of [
      ['2020-07-01', '2021-12-31'],
      ['2020-11-01', '2020-11-30'],
      ['2020-11-27', '2020-12-03'],
    ] as const) {
      const query = { from, to };
      for (const route of ['summary', 'daily', 'funnel', 'heatmap', 'staff'] as const) {
        const kept = await manager.get<unknown>(`/api/stats/${route}?from=${from}&to=${to}`);
        const recounted = JSON.parse(JSON.stringify(await stats[route](query, true))) as unknown;
        expect({ route, from, to, answer: kept.body }).toEqual({ route, from, to, answer: recounted });
      }
    }
    const { total } = (await manager.get<{ total: number }>('/api/stats/summary?from=2020-07-01&to=2021-12-31')).body;
    expect(total).toBe(CASES);
  });
});
