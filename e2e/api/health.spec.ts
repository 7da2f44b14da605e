import type { Health, PaymentService } from '@madoguchi/contracts';
import { ApiClient } from '../support/api-client';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { WritePath } from '../../apps/api/src/testing';
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
    const writes = server.get(WritePath);
    // Past the 2 s in which a recent write answers for the store, so that the polls have to check it themselves.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const before = writes.current.units;
    const polls = await Promise.all(Array.from({ length: 200 }, () => fetch(`${server.baseUrl}/api/health`)));
    expect(polls.every((p) => p.status === 200 && p.headers.get('cache-control') === 'no-store')).toBe(true);
    // One probe shared by the 200 polls (or none, when other work wrote just before): never one per poll.
    expect(writes.current.units - before).toBeLessThanOrEqual(2);
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
