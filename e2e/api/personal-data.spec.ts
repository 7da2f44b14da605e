/*
 * No route takes a My Number in, however it is spelled: every write route that carries text is tried with each
 * spelling in each text field, and afterwards every text in every table of the file is read back and checked.
 */
import type { Outage, PaymentService, Site, SupportCase } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { created, inService, problemType } from '../support/builders';
import { ApiServer, startApi } from '../support/api-server';

// 123456789018 and 621498320257 are valid My Numbers; each line is one way a person types or pastes one.
const SPELLINGS = [
  '123456789018',
  '1234 5678 9018',
  '１２３４－５６７８－９０１８',
  '1234.5678.9018',
  '1234/5678/9018',
  '1234_5678_9018',
  '1234・5678・9018',
  '1234〜5678〜9018',
  '(1234)5678-9018',
  '「1234」「5678」「9018」',
  '6214     9832     0257',
  '一二三四五六七八九〇一八',
  '١٢٣٤٥٦٧٨٩٠١٨',
  '1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8\u200b9\u200b0\u200b1\u200b8',
  '1234\u00ad5678\u20609018',
  '𝟔𝟐𝟏𝟒𝟗𝟖𝟑𝟐𝟎𝟐𝟓𝟕',
  '①②③④⑤⑥⑦⑧⑨⓪①⑧',
].map((number) => `メモ ${number} とのこと`);

interface Route {
  method: 'POST' | 'PATCH';
  /** The path as the OpenAPI document names it. */
  template: string;
  path: () => string;
  body: (text: string) => Record<string, unknown>;
  as: 'staff' | 'manager' | 'admin';
}

describe('the My Number guard on every route that takes text', () => {
  let server: ApiServer;
  let clients: Record<Route['as'], ApiClient>;
  let routes: Route[];
  let outage: Outage;
  let service: PaymentService;
  let site: Site;
  let accountId: number;
  let waiting: SupportCase;
  let serving: SupportCase;

  beforeAll(async () => {
    server = await startApi();
    clients = {
      staff: await ApiClient.signIn(server.baseUrl, 'staff'),
      manager: await ApiClient.signIn(server.baseUrl, 'manager'),
      admin: await ApiClient.signIn(server.baseUrl, 'admin'),
    };
    waiting = await created(clients.staff, { procedure: 'both' });
    serving = await inService(clients.staff);
    outage = (
      await clients.manager.post<Outage>('/api/outages', {
        system: 'terminal',
        kind: 'unplanned',
        startsAt: '2020-09-08T10:00:00+09:00',
        endsAt: '2020-09-08T11:00:00+09:00',
        affects: ['reservation', 'application'],
      })
    ).body;
    service = (
      await clients.admin.post<PaymentService>('/api/payment-services', {
        name: 'テスト決済',
        kind: 'qr_code',
        appliesAtSpot: true,
        requiresPreRegistration: false,
        requiredItems: [],
      })
    ).body;
    site = (await clients.admin.post<Site>('/api/sites', { code: 'guard-site', name: '分室' })).body;
    accountId = (
      await clients.admin.post<{ id: number }>('/api/accounts', {
        username: 'guard-staff',
        displayName: '窓口 職員',
        role: 'staff',
        password: 'a-long-enough-password',
      })
    ).body.id;
    routes = [
      {
        method: 'POST',
        template: '/api/auth/login',
        path: () => '/api/auth/login',
        body: (t) => ({ username: t, password: 'madoguchi-demo' }),
        as: 'staff',
      },
      {
        method: 'POST',
        template: '/api/cases',
        path: () => '/api/cases',
        body: (t) => ({ procedure: 'both', note: t }),
        as: 'staff',
      },
      {
        method: 'PATCH',
        template: '/api/cases/{id}',
        path: () => `/api/cases/${waiting.id}`,
        body: (t) => ({ version: waiting.version, note: t }),
        as: 'manager',
      },
      {
        method: 'POST',
        template: '/api/cases/{id}/finish',
        path: () => `/api/cases/${serving.id}/finish`,
        body: (t) => ({ outcome: 'not_completed', reason: 'other', note: t }),
        as: 'staff',
      },
      {
        method: 'POST',
        template: '/api/outages',
        path: () => '/api/outages',
        body: (t) => ({
          system: 'terminal',
          kind: 'planned',
          startsAt: '2020-10-01T10:00:00+09:00',
          affects: ['reservation'],
          note: t,
        }),
        as: 'manager',
      },
      {
        method: 'PATCH',
        template: '/api/outages/{id}',
        path: () => `/api/outages/${outage.id}`,
        body: (t) => ({ version: outage.version, note: t }),
        as: 'manager',
      },
      {
        method: 'POST',
        template: '/api/payment-services',
        path: () => '/api/payment-services',
        body: (t) => ({
          name: t,
          kind: 'qr_code',
          appliesAtSpot: true,
          requiresPreRegistration: false,
          requiredItems: [t],
        }),
        as: 'admin',
      },
      {
        method: 'PATCH',
        template: '/api/payment-services/{id}',
        path: () => `/api/payment-services/${service.id}`,
        body: (t) => ({ requiredItems: ['本人確認書類', t] }),
        as: 'admin',
      },
      {
        method: 'POST',
        template: '/api/sites',
        path: () => '/api/sites',
        body: (t) => ({ code: 'other-site', name: t }),
        as: 'admin',
      },
      {
        method: 'PATCH',
        template: '/api/sites/{id}',
        path: () => `/api/sites/${site.id}`,
        body: (t) => ({ name: t }),
        as: 'admin',
      },
      {
        method: 'POST',
        template: '/api/accounts',
        path: () => '/api/accounts',
        body: (t) => ({ username: 'another-staff', displayName: t, role: 'staff', password: 'a-long-enough-password' }),
        as: 'admin',
      },
      {
        method: 'PATCH',
        template: '/api/accounts/{id}',
        path: () => `/api/accounts/${accountId}`,
        body: (t) => ({ displayName: t }),
        as: 'admin',
      },
      {
        method: 'POST',
        template: '/api/api-tokens',
        path: () => '/api/api-tokens',
        body: (t) => ({ name: t, scopes: ['stats'] }),
        as: 'admin',
      },
    ];
  });
  afterAll(() => server.stop());

  it('covers every route of the OpenAPI document that takes free text in its body', async () => {
    const docs = await new ApiClient(server.baseUrl).get<{
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>
      >;
      components: {
        schemas: Record<
          string,
          { properties?: Record<string, { type?: string; enum?: unknown; format?: string; items?: { type?: string } }> }
        >;
      };
    }>('/api/docs-json');
    const freeText: string[] = [];
    for (const [path, operations] of Object.entries(docs.body.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        const schema = ref ? docs.body.components.schemas[ref.split('/').pop() as string] : undefined;
        const texts = Object.entries(schema?.properties ?? {}).filter(
          ([name, p]) =>
            (p.type === 'string' || p.items?.type === 'string') &&
            !p.enum &&
            !p.format &&
            !/At$|password|followUpCode|code$/i.test(name),
        );
        if (texts.length) freeText.push(`${method.toUpperCase()} ${path}`);
      }
    }
    const covered = routes.map((r) => `${r.method} ${r.template}`);
    expect(freeText.filter((route) => !covered.includes(route))).toEqual([]);
  });

  it('refuses every spelling in every text field with 422 naming the field, and stores none', async () => {
    let tried = 0;
    for (const route of routes) {
      for (const text of SPELLINGS) {
        const answer = await clients[route.as].request<{ type: string; errors?: { field: string }[] }>(
          route.method,
          route.path(),
          route.body(text),
        );
        tried++;
        expect({
          route: `${route.method} ${route.template}`,
          text,
          status: answer.status,
          type: answer.body.type,
        }).toEqual({
          route: `${route.method} ${route.template}`,
          text,
          status: 422,
          type: problemType('personal-data'),
        });
      }
    }
    process.stdout.write(`[My Number guard] ${tried} requests over ${routes.length} routes, all refused\n`);

    // Every refused text ends in 「とのこと」: read every text of every table from the file, from another process.
    const texts: string[] = [];
    for (const name of await server.database.tables()) {
      for (const row of await server.sql(`SELECT * FROM "${name}"`)) {
        texts.push(...Object.values(row).filter((v): v is string => typeof v === 'string'));
      }
    }
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((text) => text.includes('とのこと'))).toEqual([]);
  });

  it('also refuses a My Number in a query string or a path', async () => {
    expect((await clients.manager.get(`/api/audit?actor=${encodeURIComponent('1234・5678・9018')}`)).status).toBe(422);
    expect(
      (await clients.staff.get(`/api/cases/follow-up/${encodeURIComponent('一二三四五六七八九〇一八')}`)).status,
    ).toBe(422);
  });

  it('still takes ordinary numbers: a phone number, times, a case number, a wrong check digit', async () => {
    const note = '0467-82-1111 に 10:00〜12:00 連絡、ケース #12 の続き、番号 1234-5678-9012 は誤り';
    const answer = await clients.staff.post<SupportCase>('/api/cases', { procedure: 'both', note });
    expect(answer.status).toBe(201);
    expect(answer.body.note).toBe(note);
  });
});
