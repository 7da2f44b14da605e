import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { AuthService } from './auth.service';

/** Lets signed-in staff through (a new tab asks the API once); anyone else goes to sign-in and comes back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const toLogin = router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });

  if (auth.user()) return true;
  return auth.restoreUser().pipe(
    map(() => true),
    catchError(() => {
      auth.endSession();
      return of(toLogin);
    }),
  );
};
