import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@madoguchi/contracts';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { sessionCookieOf } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one guard of the API: every route needs a valid session unless marked @Public, and a listed role if it has
 * @Roles. The session is a bearer token (API clients) or the same token in the HttpOnly session cookie (the browser).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = bearer ? null : sessionCookieOf(request);
    const token = bearer ?? cookie;
    const session = token ? await this.auth.authenticate(token) : null;
    if (!session) throw new UnauthorizedException();
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
