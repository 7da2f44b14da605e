import { Inject, Injectable, Logger } from '@nestjs/common';
import { API_TOKEN_SECRET_PREFIX, type ApiTokenScope } from '@madoguchi/contracts';
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
import { scopesOf } from './api-tokens.service';

type Refusal = 'revoked' | 'expired' | 'throttled' | 'out-of-scope';

/**
 * The route as declared (`/api/cases/:id`), without what was typed into it: a refused request never met the My Number
 * guard, so its path and query are not kept. A served one passed it, and keeps its query (the range it read).
 */
const routeTemplate = (request: Request) => (request.route as { path?: string } | undefined)?.path ?? '(unknown)';

/** How a use of a token is named in the audit log's actor column: never a username (those allow no colon). */
export const tokenActor = (token: Pick<ApiTokenEntity, 'name'>) => `token:${token.name}`.slice(0, 64);

/**
 * The API token half of the guard: finds the token of a bearer, holds it to its scopes and its rate, and writes
 * every answer it gets to the audit log.
 */
@Injectable()
export class ApiTokenGate {
  private readonly logger = new Logger('ApiTokens');
  private readonly throttle: ApiTokenThrottle;

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
   * Lets the request through as the token, or throws its refusal: 401 revoked or expired, 429 over its rate, 403 on a
   * route outside its scopes (a route with no scope at all is outside every token's). The answer, whichever it is,
   * goes to the audit log once it has been sent.
   */
  admit(
    token: ApiTokenEntity,
    request: Request,
    response: Response,
    scope: ApiTokenScope | undefined,
  ): ApiTokenPrincipal {
    const now = new Date();
    const hit = this.throttle.hit(token.id, now.getTime());
    const scopes = scopesOf(token.scopes);
    const live = !token.revokedAt && token.expiresAt > now;
    let refusal: Refusal | null = null;
    if (!live) refusal = token.revokedAt ? 'revoked' : 'expired';
    else if (hit.over) refusal = 'throttled';
    else if (!scope || !scopes.includes(scope)) refusal = 'out-of-scope';
    // A flood is audited up to its first refused request in each minute, not request by request.
    if (hit.count <= this.throttle.limit + 1) this.auditOnceAnswered(token, live, refusal, request, response, now);
    if (refusal === 'revoked' || refusal === 'expired') throw new ApiTokenInvalidProblem();
    if (refusal === 'throttled') throw new ApiTokenThrottledProblem(hit.retryAfter, this.throttle.limit);
    if (refusal === 'out-of-scope') throw new ApiTokenScopeProblem();
    return { id: token.id, name: token.name, scopes };
  }

  private auditOnceAnswered(
    token: ApiTokenEntity,
    live: boolean,
    refusal: Refusal | null,
    request: Request,
    response: Response,
    at: Date,
  ): void {
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const status = response.statusCode;
      const outcome = refusal ?? (!response.writableFinished ? 'cut-short' : status < 400 ? 'served' : 'failed');
      const use = {
        name: token.name,
        prefix: token.prefix,
        method: request.method,
        route: outcome === 'served' ? request.originalUrl.slice(0, 500) : routeTemplate(request),
        status,
        outcome,
      };
      this.writes
        .run(async (manager) => {
          await this.audit.record(
            manager,
            { id: null, username: tokenActor(token) },
            { action: 'use', entityType: 'api_token', entityId: token.id, before: null, after: use },
          );
          if (live) await this.repository.used(manager, token.id, at);
        })
        .catch((error: unknown) =>
          this.logger.warn(
            `Use of API token #${token.id} not audited: ${error instanceof Error ? error.message : error}`,
          ),
        );
    };
    // "finish" when the answer was sent whole, "close" alone when the client went away first.
    response.once('finish', record);
    response.once('close', record);
  }
}
