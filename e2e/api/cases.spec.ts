import type { Page, ProblemDetails, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';

describe('logging support cases', () => {
  let server: ApiServer;
  let staff: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
  });
  afterAll(() => server.stop());

  const count = async (query = '') => (await staff.get<Page<SupportCase>>(`/api/cases?pageSize=1${query}`)).body.total;

  it('receives an arriving citizen as a waiting case with sensible defaults', async () => {
    const before = Date.now();
    const answer = await staff.post<SupportCase>('/api/cases', { procedure: 'both', ageBand: '65to74' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.any(Number),
      version: 1,
      status: 'waiting',
      channel: 'counter',
      representative: 'self',
      procedure: 'both',
      completed: [],
      staffUsername: null,
    });
    expect(Date.parse(answer.body.arrivedAt)).toBeGreaterThanOrEqual(before - 1000);
    const fetched = await staff.get<SupportCase>(`/api/cases/${answer.body.id}`);
    expect(fetched.body).toEqual(answer.body);
  });

  it('logs a whole past case in one call, in UTC, attributed to the signed-in staff member', async () => {
    const answer = await staff.post<SupportCase>('/api/cases', {
      procedure: 'both',
      ageBand: '40to64',
      status: 'completed',
      arrivedAt: '2020-09-01T10:05:00+09:00',
      startedAt: '2020-09-01T10:20:00+09:00',
      endedAt: '2020-09-01T10:38:00+09:00',
      completed: ['reservation', 'application'],
      paymentServiceId: 1,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      arrivedAt: '2020-09-01T01:05:00.000Z',
      startedAt: '2020-09-01T01:20:00.000Z',
      endedAt: '2020-09-01T01:38:00.000Z',
      completed: ['reservation', 'application'],
      staffUsername: 'staff',
    });
  });

  it('lists by Tokyo calendar day: a case at 00:30 JST belongs to that day, not the UTC day before', async () => {
    const created = await staff.post<SupportCase>('/api/cases', {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrivedAt: '2020-10-01T00:30:00+09:00',
      startedAt: '2020-10-01T00:30:00+09:00',
      endedAt: '2020-10-01T00:35:00+09:00',
    });
    expect(created.status).toBe(201);
    const onTheDay = await staff.get<Page<SupportCase>>('/api/cases?from=2020-10-01&to=2020-10-01');
    expect(onTheDay.body.items.map((c) => c.id)).toEqual([created.body.id]);
    const dayBefore = await staff.get<Page<SupportCase>>('/api/cases?from=2020-09-30&to=2020-09-30');
    expect(dayBefore.body.items.map((c) => c.id)).not.toContain(created.body.id);
  });

  it('filters by status, procedure and reason and pages through the result', async () => {
    for (const reason of ['pin_locked', 'pin_locked', 'card_not_brought'] as const) {
      const answer = await staff.post('/api/cases', {
        procedure: 'reservation',
        status: 'not_completed',
        arrivedAt: '2020-11-24T09:00:00+09:00',
        startedAt: '2020-11-24T09:10:00+09:00',
        endedAt: '2020-11-24T09:15:00+09:00',
        reason,
      });
      expect(answer.status).toBe(201);
    }
    const day = '&from=2020-11-24&to=2020-11-24';
    expect(await count(`${day}&status=not_completed`)).toBe(3);
    expect(await count(`${day}&reason=pin_locked`)).toBe(2);
    expect(await count(`${day}&procedure=application`)).toBe(0);
    const first = await staff.get<Page<SupportCase>>(`/api/cases?${day}&pageSize=2&page=1`);
    const second = await staff.get<Page<SupportCase>>(`/api/cases?${day}&pageSize=2&page=2`);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...second.body.items].map((c) => c.id)).size).toBe(3);
  });

  it.each([
    [
      {
        procedure: 'reservation',
        status: 'not_completed',
        startedAt: '2020-11-24T00:10:00Z',
        endedAt: '2020-11-24T00:20:00Z',
        arrivedAt: '2020-11-24T00:00:00Z',
      },
      'reason',
    ],
    [
      {
        procedure: 'reservation',
        status: 'completed',
        arrivedAt: '2020-11-24T00:00:00Z',
        startedAt: '2020-11-24T00:30:00Z',
        endedAt: '2020-11-24T00:10:00Z',
        completed: ['reservation'],
      },
      'endedAt',
    ],
    [
      {
        procedure: 'reservation',
        status: 'completed',
        arrivedAt: '2020-11-24T00:00:00Z',
        startedAt: '2020-11-24T00:05:00Z',
        endedAt: '2020-11-24T00:10:00Z',
        completed: ['application'],
      },
      'completed',
    ],
    [
      {
        procedure: 'both',
        status: 'not_completed',
        arrivedAt: '2020-11-24T00:00:00Z',
        startedAt: '2020-11-24T00:05:00Z',
        endedAt: '2020-11-24T00:10:00Z',
        reason: 'other',
      },
      'note',
    ],
    [
      {
        procedure: 'both',
        status: 'completed',
        representative: 'legal_representative',
        ageBand: '40to64',
        arrivedAt: '2020-11-24T00:00:00Z',
        startedAt: '2020-11-24T00:05:00Z',
        endedAt: '2020-11-24T00:10:00Z',
        completed: ['reservation', 'application'],
      },
      'representative',
    ],
    [
      {
        procedure: 'both',
        status: 'left',
        arrivedAt: '2020-11-24T00:00:00Z',
        startedAt: '2020-11-24T00:05:00Z',
        endedAt: '2020-11-24T00:10:00Z',
      },
      'startedAt',
    ],
  ])('refuses an invalid combination with 422 naming the field, and stores nothing (%#)', async (body, field) => {
    const before = await count();
    const answer = await staff.post<ProblemDetails>('/api/cases', body);
    expect(answer.status).toBe(422);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.errors?.map((e) => e.field)).toContain(field);
    expect(answer.body.detail).toContain(field);
    expect(await count()).toBe(before);
  });

  it('refuses malformed fields and unknown ones with 400 naming each field', async () => {
    const answer = await staff.post<ProblemDetails>('/api/cases', {
      procedure: 'teleport',
      arrivedAt: 'yesterday',
      myNumber: '123456789018',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field).sort()).toEqual(['arrivedAt', 'myNumber', 'procedure']);
    expect(answer.body.errors?.find((e) => e.field === 'procedure')?.message).toContain(
      'reservation, application, both, inquiry',
    );
  });

  it('answers in Japanese when the client asks for it', async () => {
    const japanese = await ApiClient.signIn(server.baseUrl, 'staff', undefined, 'ja');
    const answer = await japanese.post<ProblemDetails>('/api/cases', {
      procedure: 'reservation',
      status: 'not_completed',
      arrivedAt: '2020-11-24T00:00:00Z',
      startedAt: '2020-11-24T00:05:00Z',
      endedAt: '2020-11-24T00:10:00Z',
    });
    expect(answer.body.errors?.[0]).toEqual({ field: 'reason', message: '未完了の理由を選んでください。' });
  });

  it.each(['1234 5678 9018', '１２３４－５６７８－９０１８', 'カード番号621498320257と言われた'])(
    'refuses a note carrying a My Number (%s) with 422 and stores nothing',
    async (note) => {
      const before = await count();
      const answer = await staff.post<ProblemDetails>('/api/cases', { procedure: 'inquiry', note });
      expect(answer.status).toBe(422);
      expect(answer.body.errors?.[0]?.field).toBe('note');
      expect(answer.body.detail).toMatch(/My Number/);
      expect(await count()).toBe(before);
    },
  );

  it('accepts a note with a 12-digit number that is not a My Number', async () => {
    const answer = await staff.post<SupportCase>('/api/cases', {
      procedure: 'inquiry',
      note: '問合せ番号 123456789012',
    });
    expect(answer.status).toBe(201);
  });

  it('answers 404 as a problem for a case that does not exist, and 400 for a bad date filter', async () => {
    const missing = await staff.get<ProblemDetails>('/api/cases/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('999999');
    const badDate = await staff.get<ProblemDetails>('/api/cases?from=2020-02-30');
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors?.[0]?.field).toBe('from');
  });
});
