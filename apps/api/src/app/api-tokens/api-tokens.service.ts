import { Injectable } from '@nestjs/common';
import {
  API_TOKEN_DAYS,
  API_TOKEN_SCOPES,
  API_TOKEN_SECRET_PREFIX,
  type ApiToken,
  type ApiTokenScope,
  type CreatedApiToken,
  type Labelled,
} from '@madoguchi/contracts';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashToken } from '../auth/auth.service';
import type { UserAccount } from '../auth/user.entity';
import { NotFoundProblem } from '../common/problems';
import { requireText } from '../common/require-text';
import { WritePath } from '../db/write-path';
import type { ApiTokenEntity } from './api-token.entity';
import { CreateApiTokenDto } from './api-tokens.dto';
import { ApiTokensRepository } from './api-tokens.repository';

const DAY_MS = 86_400_000;
/** `mdg_` and 8 characters: 48 of the secret's 256 bits, enough to tell tokens apart, far too few to guess the rest. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_SECRET_PREFIX.length + 8;

/** The scopes as stored: known codes only, in the list's order. */
export const scopesOf = (stored: string): ApiTokenScope[] =>
  API_TOKEN_SCOPES.filter((scope) => stored.split(',').includes(scope));

/** Whether a token may be used at `now`: the one rule of both the admin list and the guard. */
export const stateOf = (e: Pick<ApiTokenEntity, 'revokedAt' | 'expiresAt'>, now: Date): ApiToken['state'] =>
  e.revokedAt ? 'revoked' : e.expiresAt <= now ? 'expired' : 'active';

/** What admins see of a token, and what the audit log keeps: never the secret or its hash. */
export const toApiToken = (e: ApiTokenEntity, now = new Date()): ApiToken => ({
  id: e.id,
  name: e.name,
  scopes: scopesOf(e.scopes),
  prefix: e.prefix,
  state: stateOf(e, now),
  createdBy: e.createdBy?.username ?? '',
  createdAt: e.createdAt.toISOString(),
  expiresAt: e.expiresAt.toISOString(),
  revokedAt: e.revokedAt?.toISOString() ?? null,
  lastUsedAt: e.lastUsedAt?.toISOString() ?? null,
});

const tokenLabel = (id: number): Labelled => ({ ja: `APIトークン #${id}`, en: `API token #${id}` });

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly repository: ApiTokensRepository,
    private readonly writes: WritePath,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiToken[]> {
    const now = new Date();
    return (await this.repository.all()).map((e) => toApiToken(e, now));
  }

  async create(dto: CreateApiTokenDto, actor: UserAccount): Promise<CreatedApiToken> {
    const name = requireText(dto.name, 'name', '名前');
    const secret = `${API_TOKEN_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
    const days = dto.days ?? API_TOKEN_DAYS.default;
    const created = await this.writes.run(async (manager) => {
      const id = await this.repository.insert(manager, {
        name,
        scopes: API_TOKEN_SCOPES.filter((scope) => dto.scopes.includes(scope)).join(','),
        secretHash: hashToken(secret),
        prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
        createdById: actor.id,
        expiresAt: new Date(Date.now() + days * DAY_MS),
        revokedAt: null,
        lastUsedAt: null,
      });
      const after = toApiToken(await this.load(manager, id));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'api_token',
        entityId: id,
        before: null,
        after,
      });
      return after;
    });
    return { ...created, secret };
  }

  /** Ends a token at once; revoking one already revoked changes nothing. */
  revoke(id: number, actor: UserAccount): Promise<ApiToken> {
    return this.writes.run(async (manager) => {
      const entity = await this.load(manager, id);
      const before = toApiToken(entity);
      if (entity.revokedAt) return before;
      await this.repository.revoke(manager, id, new Date());
      const after = toApiToken(await this.load(manager, id));
      await this.audit.record(manager, actor, {
        action: 'revoke',
        entityType: 'api_token',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async load(manager: EntityManager, id: number): Promise<ApiTokenEntity> {
    const entity = await this.repository.load(manager, id);
    if (!entity) throw new NotFoundProblem(tokenLabel(id));
    return entity;
  }
}
