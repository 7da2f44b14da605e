import type { AuditEntry, Page, PaymentService, PaymentServiceEntry, ProblemDetails, Site } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { at } from '../support/elements';

describe('keeping the catalogues', () => {
  let server: ApiServer;
  let admin: ApiClient;
  let manager: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    server = await startApi();
    admin = await ApiClient.signIn(server.baseUrl, 'admin');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    anonymous = new ApiClient(server.baseUrl);
  });
  afterAll(() => server.stop());

  const publicNames = async () =>
    (await anonymous.get<PaymentService[]>('/api/payment-services')).body.map((s) => s.name);
  const catalogueSize = async () => (await admin.get<PaymentServiceEntry[]>('/api/payment-services/all')).body.length;

  it('adds a payment service that citizens then see, and retires it without losing it', async () => {
    const answer = await admin.post<PaymentServiceEntry>('/api/payment-services', {
      name: ' はまかぜPay ',
      kind: 'qr_code',
      appliesAtSpot: true,
      requiresPreRegistration: false,
      requiredItems: ['スマートフォン(決済アプリ)', '  ', 'アプリのログインID'],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'はまかぜPay',
      requiredItems: ['スマートフォン(決済アプリ)', 'アプリのログインID'],
      active: true,
    });
    expect(await publicNames()).toContain('はまかぜPay');

    const retired = await admin.request<PaymentServiceEntry>('PATCH', `/api/payment-services/${answer.body.id}`, {
      active: false,
    });
    expect(retired.body).toMatchObject({ name: 'はまかぜPay', active: false });
    expect(await publicNames()).not.toContain('はまかぜPay');
    const all = await manager.get<PaymentServiceEntry[]>('/api/payment-services/all');
    expect(all.body.find((s) => s.id === answer.body.id)?.active).toBe(false);

    const trail = await manager.get<Page<AuditEntry>>(
      `/api/audit?entityType=payment_service&entityId=${answer.body.id}`,
    );
    expect(trail.body.items.map((e) => [e.action, e.actorUsername])).toEqual([
      ['update', 'admin'],
      ['create', 'admin'],
    ]);
    expect(trail.body.items[0]?.before).toMatchObject({ active: true });
    expect(trail.body.items[0]?.after).toMatchObject({ active: false });
  });

  it('refuses a second service with the same name with 409 naming the field', async () => {
    const existing = at((await anonymous.get<PaymentService[]>('/api/payment-services')).body, 0);
    const answer = await admin.post<ProblemDetails>('/api/payment-services', {
      name: existing.name,
      kind: 'prepaid',
      appliesAtSpot: true,
      requiresPreRegistration: false,
      requiredItems: [],
    });
    expect(answer.status).toBe(409);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['name']);
  });

  it.each([
    [{ name: 'マイナンバー123456789018払い' }, 'name'],
    [{ requiredItems: ['カード', '番号 6214 9832 0257 の控え'] }, 'requiredItems.1'],
  ])('refuses catalogue text carrying a My Number with 422, and stores nothing (%#)', async (change, field) => {
    const before = await catalogueSize();
    const answer = await admin.post<ProblemDetails>('/api/payment-services', {
      name: 'しらはまペイ',
      kind: 'qr_code',
      appliesAtSpot: true,
      requiresPreRegistration: false,
      requiredItems: [],
      ...change,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors?.map((e) => e.field)).toEqual([field]);
    expect(await catalogueSize()).toBe(before);
  });

  it('adds and renames a site; codes stay unique and simple', async () => {
    const site = await admin.post<Site>('/api/sites', { code: 'chigasaki-station', name: '茅ヶ崎駅前 臨時窓口' });
    expect(site.status).toBe(201);
    const renamed = await admin.request<Site>('PATCH', `/api/sites/${site.body.id}`, { name: '茅ヶ崎駅前 出張窓口' });
    expect(renamed.body).toEqual({ id: site.body.id, code: 'chigasaki-station', name: '茅ヶ崎駅前 出張窓口' });
    const sites = await manager.get<Site[]>('/api/sites');
    expect(sites.body.map((s) => s.name)).toContain('茅ヶ崎駅前 出張窓口');
    const taken = await admin.post<ProblemDetails>('/api/sites', { code: 'chigasaki-station', name: '別' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors?.[0]?.field).toBe('code');
    const badCode = await admin.post<ProblemDetails>('/api/sites', { code: 'Main Office', name: '本庁舎' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors?.[0]?.field).toBe('code');
  });

  it('lets only admins change the catalogues', async () => {
    expect((await manager.post('/api/sites', { code: 'x-site', name: 'X' })).status).toBe(403);
    expect((await manager.request('PATCH', '/api/payment-services/1', { active: false })).status).toBe(403);
    expect((await anonymous.post('/api/payment-services', {})).status).toBe(401);
  });
});
