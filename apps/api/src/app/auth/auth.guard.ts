import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@madoguchi/contracts';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

/** The one guard of the API: every route needs a valid token unless marked @Public, and a listed role if it has @Roles. */
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
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const session = match ? await this.auth.authenticate(match[1]) : null;
    if (!session) throw new UnauthorizedException();
    request.user = session.user;
    request.tokenHash = session.tokenHash;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(session.user.role)) throw new ForbiddenException();
    return true;
  }
}
