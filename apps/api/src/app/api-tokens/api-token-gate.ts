import { Inject, Injectable, Logger } from '@nestjs/common';
import { API_TOKEN_SECRET_PREFIX, type ApiTokenScope } from '@madoguchi/contracts';
import { containsMyNumber } from '@madoguchi/rules';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import type { ApiTokenPrincipal } from '../auth/auth.decorators';
import { hashToken } from '../auth/auth.service';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { WritePath } from '../db/write-path';
import type { ApiTokenEntity } from './api-token.entity';
import { ApiTokenInvalidProblem, ApiTokenScopeProblem, ApiTokenThrottledProblem } from './api-token.problems';
import { ApiTokenThrottle } from './api-token-throttle';
import { ApiTokensRepository } from './api-tokens.repository';
import { scopesOf, stateOf } from './api-tokens.service';

type Refusal = 'revoked' | 'expired' | 'throttled' | 'not-a-read' | 'out-of-scope';

const STATUS_OF: Record<Refusal, number> = {
  revoked: 401,
  expired: 401,
  throttled: 429,
  'not-a-read': 403,
  'out-of-scope': 403,
};

/** A token only reads: whatever method a scoped controller may gain later stays closed to it. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The route as declared (`/api/cases/:id`), without what was typed into it: a refused request never met the My Number
 * guard, so its path and query are not kept.
 */
const routeTemplate = (request: Request) => (request.route as { path?: string } | undefined)?.path ?? '(unknown)';

/**
 * The route as typed, query and all (the range a tool read), unless it carries a My Number: it is written before the
 * My Number guard has seen it, so it is checked here, decoded as the server will read it.
 */
function routeAsTyped(request: Request): string {
  try {
    const typed = decodeURIComponent(request.originalUrl.replace(/\+/g, ' '));
    if (!containsMyNumber(typed)) return request.originalUrl.slice(0, 500);
  } catch {
    // Not decodable: the handler will refuse it anyway, and its text is not kept.
  }
  return routeTemplate(request);
}

/**
 * How a use of a token is named in the audit log's actor column: never a username (those allow no colon). The id
 * keeps two tokens apart when their names share the first 64 characters.
 */
export const tokenActor = (token: Pick<ApiTokenEntity, 'id' | 'name'>) =>
  `token:${token.id}:${token.name}`.slice(0, 64);

/**
 * The API token half of the guard: finds the token of a bearer, holds it to reading, its scopes and its rate, and
 * writes every use to the audit log, a served one before it is served.
 */
@Injectable()
export class ApiTokenGate {
  private readonly logger = new Logger('ApiTokens');
  private readonly throttle: ApiTokenThrottle;
  /** A dead token's refusals, counted apart: only the first of each minute is audited. */
  private readonly deadRefusals = new ApiTokenThrottle(1);

  constructor(
    private readonly repository: ApiTokensRepository,
    private readonly writes: WritePath,
    private readonly audit: AuditService,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.throttle = new ApiTokenThrottle(settings.API_TOKEN_REQUESTS_PER_MINUTE);
  }

  /** Whether a bearer is written as an API token secret is. */
  looksLikeToken(bearer: string): boolean {
    return bearer.startsWith(API_TOKEN_SECRET_PREFIX);
  }

  /** The token of a secret in whatever state, or null when no token has it. */
  find(secret: string): Promise<ApiTokenEntity | null> {
    return this.repository.bySecretHash(hashToken(secret));
  }

  /** The refusal for a bearer that looks like a token and is none: not a sign-in problem, a token problem. */
  unknown(): ApiTokenInvalidProblem {
    return new ApiTokenInvalidProblem();
  }

  /**
   * Lets the request through as the token, or throws its refusal: 401 revoked or expired, 429 over its rate, 403 for
   * any method but GET and HEAD or on a route outside its scopes (a route with no scope is outside every token's).
   * A request let through is in the audit log before its handler runs: if that write fails it is refused with the
   * write path's 503, and nothing is served. Its outcome is added to the same line once the answer has gone.
   */
  async admit(
    token: ApiTokenEntity,
    request: Request,
    response: Response,
    scope: ApiTokenScope | undefined,
  ): Promise<ApiTokenPrincipal> {
    const now = new Date();
    const hit = this.throttle.hit(token.id, now.getTime());
    const scopes = scopesOf(token.scopes);
    const state = stateOf(token, now);
    let refusal: Refusal | null = null;
    if (state !== 'active') refusal = state;
    else if (hit.over) refusal = 'throttled';
    else if (!READ_METHODS.has(request.method)) refusal = 'not-a-read';
    else if (!scope || !scopes.includes(scope)) refusal = 'out-of-scope';

    if (refusal) {
      // A tool left polling with a dead token is audited once a minute, a flood up to its first refusal in each minute.
      const audited =
        state === 'active'
          ? hit.count <= this.throttle.limit + 1
          : this.deadRefusals.hit(token.id, now.getTime()).count === 1;
      if (audited) await this.auditRefusal(token, state === 'active', refusal, request, now);
      if (refusal === 'revoked' || refusal === 'expired') throw new ApiTokenInvalidProblem();
      if (refusal === 'throttled') throw new ApiTokenThrottledProblem(hit.retryAfter, this.throttle.limit);
      throw new ApiTokenScopeProblem();
    }

    const use = { ...this.useOf(token, request), route: routeAsTyped(request) };
    // Rejects with the write path's 503 problem when the store fails: the guard throws it, and nothing is served.
    const entryId = await this.writes.run(async (manager) => {
      const id = await this.audit.record(manager, this.actor(token), {
        action: 'use',
        entityType: 'api_token',
        entityId: token.id,
        before: null,
        after: { ...use, status: null, outcome: 'admitted' },
      });
      await this.repository.used(manager, token.id, now);
      return id;
    });
    this.completeOnceAnswered(token, entryId, use, response);
    return { id: token.id, name: token.name, scopes };
  }

  private actor(token: ApiTokenEntity) {
    return { id: null, username: tokenActor(token) };
  }

  private useOf(token: ApiTokenEntity, request: Request) {
    return { name: token.name, prefix: token.prefix, method: request.method };
  }

  /** A refusal is written whole before it is answered; if the write fails the refusal stands and is only logged. */
  private async auditRefusal(
    token: ApiTokenEntity,
    live: boolean,
    refusal: Refusal,
    request: Request,
    at: Date,
  ): Promise<void> {
    const after = {
      ...this.useOf(token, request),
      route: routeTemplate(request),
      status: STATUS_OF[refusal],
      outcome: refusal,
    };
    await this.writes
      .run(async (manager) => {
        await this.audit.record(manager, this.actor(token), {
          action: 'use',
          entityType: 'api_token',
          entityId: token.id,
          before: null,
          after,
        });
        if (live) await this.repository.used(manager, token.id, at);
      })
      .catch((error: unknown) => this.warn(`Refused use of API token #${token.id} not audited`, error));
  }

  /** Adds the status and outcome to a use's line once its answer has gone; the use itself is recorded already. */
  private completeOnceAnswered(
    token: ApiTokenEntity,
    entryId: number,
    use: Record<string, unknown>,
    response: Response,
  ): void {
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      const status = response.statusCode;
      const outcome = !response.writableFinished ? 'cut-short' : status < 400 ? 'served' : 'failed';
      this.writes
        .run((manager) => this.audit.completeAfter(manager, entryId, { ...use, status, outcome }))
        .catch((error: unknown) => this.warn(`Outcome of API token #${token.id}'s use #${entryId} not audited`, error));
    };
    // "finish" when the answer was sent whole, "close" alone when the client went away first.
    response.once('finish', complete);
    response.once('close', complete);
  }

  private warn(what: string, error: unknown): void {
    this.logger.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
