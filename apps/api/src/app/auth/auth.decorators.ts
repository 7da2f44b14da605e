import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@madoguchi/contracts';
import type { Request } from 'express';
import type { UserAccount } from './user.entity';

export const IS_PUBLIC = 'madoguchi:public';
export const ROLES = 'madoguchi:roles';

/** No sign-in needed: login, health, and what citizens use. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; without it any signed-in account may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest extends Request {
  user?: UserAccount;
  tokenHash?: string;
  /** When the session ends by itself: the live stream closes then. */
  sessionExpiresAt?: Date;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): UserAccount => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
