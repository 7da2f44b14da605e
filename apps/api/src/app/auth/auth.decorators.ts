import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiTokenScope, Role } from '@madoguchi/contracts';
import type { Request } from 'express';
import type { UserAccount } from './user.entity';

export const IS_PUBLIC = 'madoguchi:public';
export const ROLES = 'madoguchi:roles';
export const TOKEN_SCOPE = 'madoguchi:token-scope';

/** No sign-in needed: login, health, and what citizens use. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; without it any signed-in account may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * A read-only API token may call the route when it holds this scope; without it no token may. Roles still decide
 * for signed-in accounts.
 */
export const TokenScope = (scope: ApiTokenScope) => SetMetadata(TOKEN_SCOPE, scope);

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
