import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiTokenScope, Role } from '@madoguchi/contracts';
import type { Request } from 'express';
import { ApiBearerAuth } from '@nestjs/swagger';
import { API_TOKEN_SCHEME, ApiProblems, ApiPublic } from '../common/openapi/openapi';
import type { UserAccount } from './user.entity';

export const IS_PUBLIC = 'madoguchi:public';
export const ROLES = 'madoguchi:roles';
export const TOKEN_SCOPE = 'madoguchi:token-scope';

/** No sign-in needed: login, health, and what citizens use. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());

/** Only these roles may call the route; without it any signed-in account may. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiProblems({
      403:
        `Only these roles may: ${roles.join(', ')}; ask one of them, or an admin for the role. An API token may ` +
        'only where its scopes allow.',
    }),
  );

/**
 * A read-only API token may call the route when it holds this scope; without it no token may. Roles still decide
 * for signed-in accounts.
 */
export const TokenScope = (scope: ApiTokenScope) =>
  applyDecorators(
    SetMetadata(TOKEN_SCOPE, scope),
    ApiBearerAuth(API_TOKEN_SCHEME),
    ApiProblems({ 429: 'An API token made more requests this minute than it may: wait `Retry-After` seconds.' }),
  );

/** A machine signed in with an API token: it is no person and has no role, only its scopes. */
export interface ApiTokenPrincipal {
  id: number;
  name: string;
  scopes: ApiTokenScope[];
}

export interface AuthenticatedRequest extends Request {
  /** The signed-in account; absent when an API token called (see `apiToken`). */
  user?: UserAccount;
  apiToken?: ApiTokenPrincipal;
  tokenHash?: string;
  /** When the session ends by itself: the live stream closes then. */
  sessionExpiresAt?: Date;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): UserAccount => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
