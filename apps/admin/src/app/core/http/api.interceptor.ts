import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n';
import { ApiError } from './api-error';

/**
 * Adds the screen's language to API calls (the API words its problems in that language; the session cookie goes
 * with them by itself),
 * sends staff back to sign-in when the API answers 401, and turns failures into `ApiError` so screens never parse
 * HTTP errors themselves.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const isApi = request.url.startsWith('/api/');
  const hadSession = auth.signedIn();
  const sent = isApi ? request.clone({ setHeaders: { 'Accept-Language': inject(I18n).lang() } }) : request;

  return next(sent).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      // Auth endpoints answer 401 as part of their job (bad password, no session yet): their callers decide.
      if (error.status === 401 && isApi && !request.url.startsWith('/api/auth/')) {
        auth.endSession();
        void router.navigate(['/login'], {
          queryParams: { returnUrl: router.url, ...(hadSession ? { expired: 1 } : {}) },
        });
      }
      return throwError(() => ApiError.from(error));
    }),
  );
};
