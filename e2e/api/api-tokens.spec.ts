import type {
  ApiToken,
  ApiTokenScope,
  AuditEntry,
  CreatedApiToken,
  DailyStatsRow,
  Page,
  ProblemDetails,
  SupportCase,
} from '@madoguchi/contracts';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { problemType } from '../support/builders';
import type { TestDatabase } from '../support/engine';
import { download, logVisit } from '../support/visits';

const DAY_MS = 86_400_000;
const DAILY = '/api/stats/daily?from=2020-11-24&to=2020-11-26';

describe('read-only API tokens', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  let someCase: SupportCase;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    admin = await ApiClient.signIn(server.baseUrl, 'admin');
    // Three visits of Tue 24 and Wed 25 Nov 2020, each served after a 5-minute wait (within the 30-minute target).
    someCase = await logVisit(staff, {
      procedure: 'both',
      status: 'not_completed',
      reason: 'pin_locked',
      arrived: '2020-11-24 10:00',
      started: '2020-11-24 10:05',
      ended: '2020-11-24 10:15',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'completed',
      arrived: '2020-11-24 14:00',
      started: '2020-11-24 14:05',
      ended: '2020-11-24 14:20',
    });
    await logVisit(staff, {
      procedure: 'application',
      status: 'not_completed',
      reason: 'card_not_brought',
      arrived: '2020-11-25 09:00',
      started: '2020-11-25 09:05',
      ended: '2020-11-25 09:10',
    });
  });
  afterAll(() => server.stop());

  let sequence = 0;
  async function newToken(scopes: ApiTokenScope[], days?: number): Promise<CreatedApiToken> {
    const answer = await admin.post<CreatedApiToken>('/api/api-tokens', {
      name: `Grafana 情報政策課 ${++sequence}`,
      scopes,
      ...(days === undefined ? {} : { days }),
    });
    if (answer.status !== 201) throw new Error(`token not created: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  const machine = (token: CreatedApiToken) => new ApiClient(server.baseUrl, token.secret);

  /** The audit log's entries about one token, waiting briefly: a use's outcome is added once its answer has gone. */
  async function auditOf(tokenId: number, expected: number): Promise<AuditEntry[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const page = await admin.get<Page<AuditEntry>>(
        `/api/audit?entityType=api_token&entityId=${tokenId}&pageSize=200`,
      );
      const items = page.body.items;
      const answered = items.every((e) => (e.after as { outcome?: string } | null)?.outcome !== 'admitted');
      if ((items.length >= expected && answered) || Date.now() > deadline) return items;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('shows the secret once, on creation, and keeps only its SHA-256 and a short prefix', async () => {
    const before = Date.now();
    const token = await newToken(['stats']);
    expect(token.secret).toMatch(/^mdg_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ scopes: ['stats'], state: 'active', createdBy: 'admin', lastUsedAt: null });
    expect(token.prefix).toBe(token.secret.slice(0, 12));
    // 90 days by default.
    const lifetime = Date.parse(token.expiresAt) - before;
    expect(lifetime).toBeGreaterThanOrEqual(90 * DAY_MS - 1000);
    expect(lifetime).toBeLessThanOrEqual(90 * DAY_MS + 5000);

    const listed = await admin.get<ApiToken[]>('/api/api-tokens');
    expect(listed.status).toBe(200);
    const mine = listed.body.find((t) => t.id === token.id);
    expect(mine).toEqual({ ...token, secret: undefined, state: 'active' } as unknown as ApiToken);
    expect(JSON.stringify(listed.body)).not.toContain(token.secret.slice(12));

    const rows = await server.sql<Record<string, unknown>>(`SELECT * FROM "api_token" WHERE "id" = ?`, [token.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.['secretHash']).toBe(createHash('sha256').update(token.secret).digest('hex'));
    expect(rows[0]?.['prefix']).toBe(token.prefix);
    const stored = JSON.stringify(await server.sql(`SELECT * FROM "api_token"`));
    const audited = JSON.stringify(await server.sql(`SELECT * FROM "audit_log"`));
    for (const text of [stored, audited]) expect(text).not.toContain(token.secret.slice(12));
  });

  it('reads the daily statistics exactly as a manager signed in reads them', async () => {
    const token = await newToken(['stats']);
    const expected = [
      { date: '2020-11-24', total: 2, completed: 1, not_completed: 1, left: 0, served: 2, withinTarget: 2 },
      { date: '2020-11-25', total: 1, completed: 0, not_completed: 1, left: 0, served: 1, withinTarget: 1 },
      { date: '2020-11-26', total: 0, completed: 0, not_completed: 0, left: 0, served: 0, withinTarget: 0 },
    ];
    const bySession = await manager.get<DailyStatsRow[]>(DAILY);
    const byToken = await machine(token).get<DailyStatsRow[]>(DAILY);
    expect(bySession.body).toEqual(expected);
    expect(byToken.status).toBe(200);
    expect(byToken.body).toEqual(expected);
    expect((await machine(token).get('/api/stats/summary?from=2020-11-24&to=2020-11-26')).status).toBe(200);
  });

  it('refuses everything but its scopes with 403, and never reaches cases, accounts, audit or its own management', async () => {
    const token = await newToken(['stats', 'exports']);
    const client = machine(token);
    const refused: [string, string, unknown?][] = [
      ['GET', '/api/cases'],
      ['GET', `/api/cases/${someCase.id}`],
      ['GET', `/api/cases/${someCase.id}/history`],
      ['GET', '/api/accounts'],
      ['GET', '/api/audit'],
      ['GET', '/api/api-tokens'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/outages'],
      ['POST', '/api/api-tokens', { name: 'more', scopes: ['stats'] }],
      ['POST', `/api/api-tokens/${token.id}/revoke`, {}],
      ['POST', '/api/cases', { procedure: 'both' }],
      ['PATCH', `/api/cases/${someCase.id}`, { version: someCase.version, note: 'x' }],
      ['POST', '/api/accounts', {}],
      ['POST', '/api/outages', {}],
    ];
    for (const [method, path, body] of refused) {
      const answer = await client.request<ProblemDetails>(method, path, body);
      expect({ route: `${method} ${path}`, status: answer.status, type: answer.body.type }).toEqual({
        route: `${method} ${path}`,
        status: 403,
        type: problemType('api-token-scope'),
      });
      expect(answer.contentType).toContain('application/problem+json');
    }
    // Refused before anything ran: the case is unchanged and no second token was made.
    expect((await staff.get<SupportCase>(`/api/cases/${someCase.id}`)).body.version).toBe(someCase.version);
    const tokens = await admin.get<ApiToken[]>('/api/api-tokens');
    expect(tokens.body.find((t) => t.name === 'more')).toBeUndefined();
    expect(tokens.body.find((t) => t.id === token.id)?.state).toBe('active');
  });

  it('gives the CSV export to an exports token, not to a statistics-only one', async () => {
    const exportsToken = await newToken(['exports']);
    const statsToken = await newToken(['stats']);
    const path = '/api/cases/export.csv?from=2020-11-24&to=2020-11-25';
    const csv = await download(machine(exportsToken), server.baseUrl, path);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    // The header and the three cases.
    expect(lines).toHaveLength(4);
    const refused = await download(machine(statsToken), server.baseUrl, path);
    expect(refused.status).toBe(403);
    expect((await machine(exportsToken).get(DAILY)).status).toBe(403);
  });

  it('answers 401 to a revoked token and to an expired one, and the list says which', async () => {
    const revoked = await newToken(['stats']);
    expect((await machine(revoked).get(DAILY)).status).toBe(200);
    const answer = await admin.post<ApiToken>(`/api/api-tokens/${revoked.id}/revoke`, {});
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe('revoked');
    const refused = await machine(revoked).get<ProblemDetails>(DAILY);
    expect(refused.status).toBe(401);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.type).toBe(problemType('api-token-invalid'));

    const expired = await newToken(['stats'], 1);
    expect((await machine(expired).get(DAILY)).status).toBe(200);
    const aMinuteAgo = server.database.instant(new Date(Date.now() - 60_000));
    await server.sql(`UPDATE "api_token" SET "expiresAt" = ? WHERE "id" = ?`, [aMinuteAgo, expired.id]);
    expect((await machine(expired).get(DAILY)).status).toBe(401);

    const states = Object.fromEntries(
      (await admin.get<ApiToken[]>('/api/api-tokens')).body.map((t) => [t.id, t.state] as const),
    );
    expect([states[revoked.id], states[expired.id]]).toEqual(['revoked', 'expired']);
  });

  it('answers 401 to a bearer that looks like a token but is none, and sessions work as before', async () => {
    const fake = new ApiClient(server.baseUrl, `mdg_${'A'.repeat(43)}`);
    const answer = await fake.get<ProblemDetails>(DAILY);
    expect(answer.status).toBe(401);
    expect(answer.body.type).toBe(problemType('api-token-invalid'));
    const token = await newToken(['stats']);
    // One character changed.
    const altered = `${token.secret.slice(0, -1)}${token.secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await new ApiClient(server.baseUrl, altered).get(DAILY)).status).toBe(401);
    expect((await new ApiClient(server.baseUrl, 'not-a-session').get(DAILY)).status).toBe(401);
    expect((await staff.get(DAILY)).status).toBe(403);
    expect((await manager.get('/api/cases')).status).toBe(200);
  });

  it('lets admins alone create, list and revoke tokens', async () => {
    const token = await newToken(['stats']);
    for (const client of [staff, manager]) {
      expect((await client.post('/api/api-tokens', { name: 'mine', scopes: ['stats'] })).status).toBe(403);
      expect((await client.get('/api/api-tokens')).status).toBe(403);
      expect((await client.post(`/api/api-tokens/${token.id}/revoke`, {})).status).toBe(403);
    }
    expect((await new ApiClient(server.baseUrl).get('/api/api-tokens')).status).toBe(401);
    expect((await machine(token).get(DAILY)).status).toBe(200);
  });

  it.each([
    ['no scope', { name: 'x', scopes: [] }, 'scopes'],
    ['an unknown scope', { name: 'x', scopes: ['cases'] }, 'scopes'],
    ['0 days', { name: 'x', scopes: ['stats'], days: 0 }, 'days'],
    ['366 days', { name: 'x', scopes: ['stats'], days: 366 }, 'days'],
    ['no name', { scopes: ['stats'] }, 'name'],
  ])('refuses a token with %s, naming the field', async (_, body, field) => {
    const answer = await admin.post<ProblemDetails>('/api/api-tokens', body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('keeps a token of 365 days, the longest allowed', async () => {
    const token = await newToken(['exports'], 365);
    const lifetime = Date.parse(token.expiresAt) - Date.parse(token.createdAt);
    expect(Math.round(lifetime / DAY_MS)).toBe(365);
  });

  it('writes every use to the audit log with the token, the route and the outcome, and when it was last used', async () => {
    const token = await newToken(['stats']);
    const client = machine(token);
    await client.get(DAILY);
    await client.get('/api/cases');
    await admin.post(`/api/api-tokens/${token.id}/revoke`, {});
    await client.get(DAILY);
    const entries = await auditOf(token.id, 5);
    const uses = entries
      .filter((e) => e.action === 'use')
      .map((e) => ({ actor: e.actorUsername, ...(e.after as { route: string; status: number; outcome: string }) }))
      .reverse();
    const actor = `token:${token.id}:${token.name}`;
    const who = { name: token.name, prefix: token.prefix };
    expect(uses).toEqual([
      { actor, ...who, method: 'GET', route: DAILY, status: 200, outcome: 'served' },
      { actor, ...who, method: 'GET', route: '/api/cases', status: 403, outcome: 'out-of-scope' },
      { actor, ...who, method: 'GET', route: '/api/stats/daily', status: 401, outcome: 'revoked' },
    ]);
    expect(entries.every((e) => e.entityId === token.id)).toBe(true);
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'revoke', 'use', 'use', 'use']);
    const listed = (await admin.get<ApiToken[]>('/api/api-tokens')).body.find((t) => t.id === token.id);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(Date.parse(listed?.lastUsedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(token.createdAt));
  });

  it('keeps no My Number typed into a refused route in the audit log', async () => {
    const token = await newToken(['stats']);
    const myNumber = '123456789018';
    expect((await machine(token).get(`/api/cases/follow-up/${myNumber}`)).status).toBe(403);
    // An unknown query field: refused before the My Number guard, so the query must not be kept either.
    const typed = `/api/stats/daily?from=2020-11-24&to=2020-11-24&note=${myNumber}`;
    expect((await machine(token).get(typed)).status).toBe(400);
    const uses = (await auditOf(token.id, 3)).filter((e) => e.action === 'use');
    expect(uses.map((e) => (e.after as { route: string }).route).sort()).toEqual([
      '/api/cases/follow-up/:code',
      '/api/stats/daily',
    ]);
    expect(JSON.stringify(await server.sql(`SELECT * FROM "audit_log"`))).not.toContain(myNumber);
  });

  it('throttles a token to 60 requests a minute: the 61st is 429 with Retry-After, others go on', async () => {
    const token = await newToken(['stats']);
    const other = await newToken(['stats']);
    const one = '/api/stats/daily?from=2020-11-24&to=2020-11-24';
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await machine(token).get(one)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const held = await fetch(`${server.baseUrl}${one}`, { headers: { authorization: `Bearer ${token.secret}` } });
    expect(held.status).toBe(429);
    expect(held.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(held.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const problem = (await held.json()) as ProblemDetails;
    expect(problem.type).toBe(problemType('api-token-throttled'));
    expect((await machine(token).get(one)).status).toBe(429);
    expect((await machine(other).get(one)).status).toBe(200);
    expect((await manager.get(one)).status).toBe(200);
    // Each of the 60 answers and the first refusal are audited; a flood past that is not, row by row.
    const uses = (await auditOf(token.id, 62)).filter((e) => e.action === 'use');
    expect(uses).toHaveLength(61);
    expect(uses.filter((e) => (e.after as { outcome: string }).outcome === 'throttled')).toHaveLength(1);
  });
  it('only reads: POST, PATCH, DELETE and PUT are refused even on the routes of its own scopes, and nothing is written', async () => {
    const token = await newToken(['stats', 'exports']);
    const client = machine(token);
    const casesBefore = await server.sql<{ n: number }>(`SELECT COUNT(*) AS n FROM "support_case"`);
    const answers: Record<string, number> = {};
    for (const path of [DAILY, '/api/cases/export.csv?from=2020-11-24&to=2020-11-25', '/api/cases']) {
      for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
        const answer = await client.request<ProblemDetails>(method, path, { procedure: 'both', version: 1 });
        answers[`${method} ${path.split('?')[0]}`] = answer.status;
        // Where a route has the method the guard refuses it; where none has it the router answers 404 first.
        if (answer.status === 403) expect(answer.body.type).toBe(problemType('api-token-scope'));
      }
    }
    expect(answers).toEqual({
      'POST /api/stats/daily': 404,
      'PATCH /api/stats/daily': 404,
      'DELETE /api/stats/daily': 404,
      'PUT /api/stats/daily': 404,
      'POST /api/cases/export.csv': 404,
      'PATCH /api/cases/export.csv': 403,
      'DELETE /api/cases/export.csv': 404,
      'PUT /api/cases/export.csv': 404,
      'POST /api/cases': 403,
      'PATCH /api/cases': 404,
      'DELETE /api/cases': 404,
      'PUT /api/cases': 404,
    });
    expect(await server.sql(`SELECT COUNT(*) AS n FROM "support_case"`)).toEqual(casesBefore);
    const refused = (await auditOf(token.id, 3)).filter((e) => e.action === 'use');
    expect(refused.map((e) => (e.after as { outcome: string }).outcome)).toEqual(['not-a-read', 'not-a-read']);
    // HEAD is a read.
    const head = await fetch(`${server.baseUrl}${DAILY}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token.secret}` },
    });
    expect(head.status).toBe(200);
  });

  it('has the use in the audit log, and its last use on the token, before the answer arrives', async () => {
    const token = await newToken(['stats']);
    expect((await machine(token).get(DAILY)).status).toBe(200);
    // No waiting: the line was committed before the handler ran.
    const uses = await server.sql<{ after: string }>(
      `SELECT "after" FROM "audit_log" WHERE "entityType" = 'api_token' AND "entityId" = ? AND "action" = 'use'`,
      [token.id],
    );
    expect(uses).toHaveLength(1);
    expect(JSON.parse(uses[0]?.after ?? '{}')).toMatchObject({ method: 'GET', route: DAILY });
    const [row] = await server.sql<{ lastUsedAt: unknown }>(`SELECT "lastUsedAt" FROM "api_token" WHERE "id" = ?`, [
      token.id,
    ]);
    expect(row?.lastUsedAt).not.toBeNull();
  });

  it('audits a dead token once a minute however often it is tried', async () => {
    const token = await newToken(['stats']);
    await admin.post(`/api/api-tokens/${token.id}/revoke`, {});
    for (let i = 0; i < 5; i++) expect((await machine(token).get(DAILY)).status).toBe(401);
    const uses = (await auditOf(token.id, 3)).filter((e) => e.action === 'use');
    expect(uses.map((e) => (e.after as { outcome: string }).outcome)).toEqual(['revoked']);
  });

  it('names two tokens whose long names begin alike as two actors', async () => {
    const long = 'ダッシュボード'.repeat(12);
    const tokens: CreatedApiToken[] = [];
    for (const suffix of ['A', 'B']) {
      const answer = await admin.post<CreatedApiToken>('/api/api-tokens', {
        name: `${long}${suffix}`,
        scopes: ['stats'],
      });
      expect(answer.status).toBe(201);
      tokens.push(answer.body);
    }
    const actors: string[] = [];
    for (const token of tokens) {
      expect((await machine(token).get(DAILY)).status).toBe(200);
      const use = (await auditOf(token.id, 2)).find((e) => e.action === 'use');
      actors.push(use?.actorUsername ?? '');
    }
    expect(actors.map((a) => a.length)).toEqual([64, 64]);
    expect(actors[0]).not.toBe(actors[1]);
    expect(actors).toEqual(tokens.map((t) => `token:${t.id}:${t.name}`.slice(0, 64)));
  });

  describe('when the audit log cannot be written', () => {
    let faulty: ApiServer;
    let faultyAdmin: ApiClient;
    beforeAll(async () => {
      faulty = await startApi({ WRITE_LOCK_TIMEOUT_MS: '300' });
      faultyAdmin = await ApiClient.signIn(faulty.baseUrl, 'admin');
    });
    afterAll(() => faulty.stop());

    it('refuses the request with 503 and serves nothing, then serves it once the store writes again', async () => {
      const created = await faultyAdmin.post<CreatedApiToken>('/api/api-tokens', {
        name: 'Grafana',
        scopes: ['stats'],
      });
      const client = new ApiClient(faulty.baseUrl, created.body.secret);
      const release = await holdWriteLock(faulty.database);
      let refused;
      try {
        refused = await client.get<ProblemDetails & { fault?: string }>(DAILY);
      } finally {
        await release();
      }
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ type: problemType('storage-unavailable'), fault: 'busy' });
      const usesOf = () =>
        faulty.sql(`SELECT * FROM "audit_log" WHERE "entityType" = 'api_token' AND "action" = 'use'`);
      expect(await usesOf()).toEqual([]);
      const token = await faulty.sql<{ lastUsedAt: unknown }>(`SELECT "lastUsedAt" FROM "api_token"`);
      expect(token[0]?.lastUsedAt).toBeNull();
      expect((await client.get(DAILY)).status).toBe(200);
      expect(await usesOf()).toHaveLength(1);
    });
  });
});

/** Takes the database's write lock from another connection, as another process would, until the release is called. */
async function holdWriteLock(database: TestDatabase): Promise<() => Promise<void>> {
  if (database.engine === 'sqlite') {
    const db = new Database(database.env['DATABASE_PATH'] as string);
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }
  const session = new Client({ connectionString: database.env['DATABASE_URL'] });
  await session.connect();
  await session.query('BEGIN');
  await session.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
  return async () => {
    await session.query('ROLLBACK');
    await session.end();
  };
}
