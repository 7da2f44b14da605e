import type { Role } from '@madoguchi/contracts';

// The same split the API enforces on its routes; the UI only hides what the API would refuse anyway.

/** Outages, the audit log, statistics: managers and admins. */
export const MANAGER_ROLES: readonly Role[] = ['manager', 'admin'];

/** Catalogues and accounts: admins only. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Where each role starts its day: staff at the counter, managers on the numbers, admins in the catalogues. */
export const ROLE_HOMES: Readonly<Record<Role, string>> = {
  staff: '/counter',
  manager: '/dashboard',
  admin: '/admin/accounts',
};

export function homeOf(role: Role | undefined): string {
  return role ? ROLE_HOMES[role] : '/counter';
}
