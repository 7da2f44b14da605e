import type { Health, PaymentService } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';

describe('health and the public catalogue', () => {
  let server: ApiServer;
  beforeAll(async () => (server = await startApi()));
  afterAll(() => server.stop());

  it('reports the database readable and writable, the migrations current and the version', async () => {
    const answer = await new ApiClient(server.baseUrl).get<Health>('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'ok',
      database: 'up',
      writes: 'ok',
      writeFault: null,
      migrations: 'current',
      version: expect.any(String),
    });
  });

  it('answers a monitor polling it hard without a real commit for each poll', async () => {
    // Past the 2 s in which a recent write (the start's own) answers for the store: the polls below must probe.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const before = Date.now();
    const polls = await Promise.all(Array.from({ length: 200 }, () => fetch(`${server.baseUrl}/api/health`)));
    expect(polls.every((p) => p.status === 200 && p.headers.get('cache-control') === 'no-store')).toBe(true);
    const probes = await server.sql<{ checkedAt: unknown }>('SELECT "checkedAt" FROM health_probe');
    expect(probes).toHaveLength(1);
    const checkedAt = probes[0]?.checkedAt;
    const at = checkedAt instanceof Date ? checkedAt : new Date(`${String(checkedAt).replace(' ', 'T')}Z`);
    // One probe, made during the polls and shared by all of them.
    expect(at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lists the demo payment services, some not applicable at a procedure spot and some needing prior registration', async () => {
    const answer = await new ApiClient(server.baseUrl).get<PaymentService[]>('/api/payment-services');
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThanOrEqual(5);
    for (const service of answer.body) {
      expect(Object.keys(service).sort()).toEqual(
        ['appliesAtSpot', 'id', 'kind', 'name', 'requiredItems', 'requiresPreRegistration'].sort(),
      );
    }
    expect(answer.body.some((s) => !s.appliesAtSpot)).toBe(true);
    expect(answer.body.some((s) => s.requiresPreRegistration)).toBe(true);
  });

  it('answers unknown API paths with a problem, and serves the OpenAPI document', async () => {
    const client = new ApiClient(server.baseUrl);
    const missing = await client.get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
    const docs = await client.get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/cases']));
  });
});
