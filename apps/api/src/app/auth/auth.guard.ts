import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiTokenScope, Role } from '@madoguchi/contracts';
import type { Response } from 'express';
import { ApiTokenGate } from '../api-tokens/api-token-gate';
import { AuthenticatedRequest, IS_PUBLIC, ROLES, TOKEN_SCOPE } from './auth.decorators';
import { AuthService } from './auth.service';
import { sessionCookieOf } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one guard of the API: every route needs a valid session unless marked @Public, and a listed role if it has
 * @Roles. The session is a bearer token (API clients) or the same token in the HttpOnly session cookie (the browser).
 * A bearer may instead be a read-only API token (`mdg_…`): it passes only GET and HEAD on routes marked @TokenScope
 * with one of its scopes, and roles do not apply to it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokenGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // A session token may start with "mdg_" by chance too: only a token found as an API token is treated as one.
    const apiToken = bearer && this.apiTokens.looksLikeToken(bearer) ? await this.apiTokens.find(bearer) : null;
    if (apiToken) {
      const scope = this.reflector.getAllAndOverride<ApiTokenScope | undefined>(TOKEN_SCOPE, targets);
      const response = context.switchToHttp().getResponse<Response>();
      request.apiToken = await this.apiTokens.admit(apiToken, request, response, scope);
      return true;
    }
    const cookie = bearer ? null : sessionCookieOf(request);
    const token = bearer ?? cookie;
    const session = token ? await this.auth.authenticate(token) : null;
    if (!session)
      throw bearer && this.apiTokens.looksLikeToken(bearer) ? this.apiTokens.unknown() : new UnauthorizedException();
    // SameSite=Strict already keeps the cookie off other sites' requests; where the browser says where a change
    // came from, a cookie session also refuses any origin but its own.
    const site = request.headers['sec-fetch-site'];
    if (cookie && !SAFE_METHODS.has(request.method) && site !== undefined && site !== 'same-origin') {
      throw new ForbiddenException();
    }
    request.user = session.user;
    request.tokenHash = session.tokenHash;
    request.sessionExpiresAt = session.expiresAt;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(session.user.role)) throw new ForbiddenException();
    return true;
  }
}
