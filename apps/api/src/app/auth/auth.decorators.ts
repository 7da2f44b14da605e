import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@madoguchi/contracts';
import type { Request } from 'express';
import { ApiProblems, ApiPublic } from '../common/openapi/openapi';
import type { UserAccount } from './user.entity';

export const IS_PUBLIC = 'madoguchi:public';
export const ROLES = 'madoguchi:roles';

/** No sign-in needed: login, health, and what citizens use. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());

/** Only these roles may call the route; without it any signed-in account may. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiProblems({ 403: `Only these roles may: ${roles.join(', ')}. Ask one of them, or an admin for the role.` }),
  );

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
