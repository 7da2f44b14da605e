import type { Request, Response } from 'express';
import type { AuditService } from '../audit/audit.service';
import type { Settings } from '../config/config';
import type { WritePath, WriteWork } from '../db/write-path';
import { ApiTokenGate } from './api-token-gate';
import type { ApiTokenEntity } from './api-token.entity';
import { ApiTokenScopeProblem } from './api-token.problems';
import type { ApiTokensRepository } from './api-tokens.repository';

const token = (): ApiTokenEntity => ({
  id: 7,
  name: 'Grafana',
  scopes: 'stats,exports',
  secretHash: 'h',
  prefix: 'mdg_abcdefgh',
  createdById: 1,
  createdAt: new Date(),
  expiresAt: new Date(Date.now() + 86_400_000),
  revokedAt: null,
  lastUsedAt: null,
});

describe('ApiTokenGate', () => {
  const recorded: object[] = [];
  const writes = { run: <T>(work: WriteWork<T>) => work({} as never) } as unknown as WritePath;
  const audit = {
    record: async (_: unknown, __: unknown, entry: { after: object }) => recorded.push(entry.after),
  } as unknown as AuditService;
  const repository = { used: async () => undefined } as unknown as ApiTokensRepository;
  const gate = new ApiTokenGate(repository, writes, audit, { API_TOKEN_REQUESTS_PER_MINUTE: 60 } as Settings);
  const request = (method: string) => ({
    method,
    originalUrl: '/api/stats/daily',
    route: { path: '/api/stats/daily' },
  });
  const response = { once: () => undefined } as unknown as Response;

  // A POST added later to a controller under @TokenScope must stay closed to tokens.
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('refuses %s on a route of its own scope', async (method) => {
    recorded.length = 0;
    await expect(gate.admit(token(), request(method) as Request, response, 'stats')).rejects.toBeInstanceOf(
      ApiTokenScopeProblem,
    );
    expect(recorded).toEqual([expect.objectContaining({ method, status: 403, outcome: 'not-a-read' })]);
  });

  it.each(['GET', 'HEAD'])('lets %s through, its use written first', async (method) => {
    recorded.length = 0;
    await expect(gate.admit(token(), request(method) as Request, response, 'stats')).resolves.toMatchObject({ id: 7 });
    expect(recorded).toEqual([expect.objectContaining({ method, outcome: 'admitted' })]);
  });
});
