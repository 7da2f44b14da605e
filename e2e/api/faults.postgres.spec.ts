/*
 * PostgreSQL's own faults and its several servers, as SQLite's file faults are tested in e2e/server: a lock held by
 * another session, a database set read-only, connections cut by the server, and live news between two servers.
 * Only the PostgreSQL run takes this file (see jest.api.config.cts).
 */
import type { Health, Page, ProblemDetails, SupportCase } from '@madoguchi/contracts';
import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { arrival, created, problemType } from '../support/builders';
import { freshDatabase, TestDatabase } from '../support/engine';
import { liveNewsCrossesServers, signOutEndsStreamsEverywhere } from '../support/several-servers';

type Refusal = ProblemDetails & { fault?: string };

describe('PostgreSQL faults', () => {
  let database: TestDatabase;
  let server: ApiServer;
  let staff: ApiClient;
  let manager: ApiClient;
  let session: Client;

  beforeAll(async () => {
    database = await freshDatabase();
    server = await startApi({ WRITE_LOCK_TIMEOUT_MS: '500' }, database);
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    session = new Client({ connectionString: database.env['DATABASE_URL'] });
    await session.connect();
  });
  afterAll(async () => {
    await session.end();
    await server.stop();
    await database.drop();
  });

  const total = async () => (await manager.get<Page<SupportCase>>('/api/cases?pageSize=1')).body.total;
  const health = async () => (await new ApiClient(server.baseUrl).get<Health>('/api/health')).body;

  it('answers 503 "busy" within the lock bound while another session holds the cases table, storing nothing', async () => {
    const before = await total();
    await session.query('BEGIN');
    await session.query('LOCK TABLE support_case IN EXCLUSIVE MODE');
    try {
      const startedAt = Date.now();
      const refused = await staff.post<Refusal>('/api/cases', arrival({ note: 'while-locked' }));
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ type: problemType('storage-unavailable'), fault: 'busy' });
      // The bound is 500 ms; the answer does not wait for the lock to be let go.
      expect(Date.now() - startedAt).toBeLessThan(5000);
      // Reading goes on while writing waits.
      expect(await total()).toBe(before);
    } finally {
      await session.query('ROLLBACK');
    }
    await created(staff, arrival({ note: 'after-lock' }));
    expect(await total()).toBe(before + 1);
    const notes = await database.sql<{ note: string }>(`SELECT note FROM support_case WHERE note LIKE ?`, ['%lock%']);
    expect(notes.map((row) => row.note)).toEqual(['after-lock']);
  });

  it('answers 503 "read-only" while the database refuses writes, says so on /api/health, and recovers', async () => {
    const name = new URL(database.env['DATABASE_URL'] as string).pathname.slice(1);
    const cutEveryConnection = () =>
      session.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    await session.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    // New sessions take the setting: the server's are cut, and it opens new ones.
    await cutEveryConnection();
    try {
      const faults: string[] = [];
      for (let i = 0; i < 5 && !faults.includes('read-only'); i++) {
        const refused = await staff.post<Refusal>('/api/cases', arrival({ note: 'while-read-only' }));
        expect(refused.status).toBe(503);
        faults.push(refused.body.fault ?? '');
      }
      // A cut connection may be answered "unavailable" once; then the read-only database is named.
      expect(faults.at(-1)).toBe('read-only');
      expect(faults.every((fault) => fault === 'read-only' || fault === 'unavailable')).toBe(true);
      expect(await health()).toMatchObject({ status: 'degraded', writes: 'failing', writeFault: 'read-only' });
    } finally {
      await session.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await cutEveryConnection();
    }
    let answer = await staff.post<SupportCase>('/api/cases', arrival({ note: 'after-read-only' }));
    // The first write after the cut may meet a dead connection once; the one after it is stored.
    if (answer.status === 503)
      answer = await staff.post<SupportCase>('/api/cases', arrival({ note: 'after-read-only' }));
    expect(answer.status).toBe(201);
    const stored = await database.sql<{ note: string }>(`SELECT note FROM support_case WHERE note LIKE ?`, [
      '%read-only%',
    ]);
    expect(stored.map((row) => row.note)).toEqual(['after-read-only']);
    await new Promise((wait) => setTimeout(wait, 2100));
    expect(await health()).toMatchObject({ status: 'ok', writes: 'ok', writeFault: null });
  });
});

describe('live news between two servers on one PostgreSQL database', () => {
  let database: TestDatabase;
  let east: ApiServer;
  let west: ApiServer;

  beforeAll(async () => {
    database = await freshDatabase();
    east = await startApi({}, database);
    west = await startApi({}, database);
  });
  afterAll(async () => {
    await east.stop();
    await west.stop();
    await database.drop();
  });

  it('tells a screen streaming from one server of a case committed by the other, and it can be read there', () =>
    liveNewsCrossesServers(east.baseUrl, west.baseUrl));

  it('ends the streams of a session on every server when it signs out on one', () =>
    signOutEndsStreamsEverywhere(east.baseUrl, west.baseUrl));
});
