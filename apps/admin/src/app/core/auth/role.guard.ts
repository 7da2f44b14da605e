import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { Role } from '@madoguchi/contracts';
import { catchError, map, of } from 'rxjs';
import { AuthService } from './auth.service';

/**
 * Lets through the given roles; anyone else sees the "not allowed" page at the address they typed, so the screen
 * says why instead of failing on its first API call.
 */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const refuse = () =>
      new RedirectCommand(router.createUrlTree(['/forbidden']), { skipLocationChange: true, replaceUrl: false });
    const decide = (role: Role | undefined) => (role && roles.includes(role) ? true : refuse());

    const user = auth.user();
    if (user) return decide(user.role);
    // Not signed in: the auth guard on the parent route sends them to sign-in.
    return auth.restoreUser().pipe(
      map((restored) => decide(restored.role)),
      catchError(() => of(true)),
    );
  };
}
