import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { ApiError } from './api-error';

/**
 * Adds the bearer token to API calls, sends staff back to sign-in when the API answers 401,
 * and turns failures into `ApiError` so screens never parse HTTP errors themselves.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const isApi = request.url.startsWith('/api/');
  const token = auth.token();
  const sent = isApi && token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(sent).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      // Auth endpoints answer 401 as part of their job (bad password, stale token): their callers decide.
      if (error.status === 401 && isApi && !request.url.startsWith('/api/auth/')) {
        const hadSession = token !== null;
        auth.endSession();
        void router.navigate(['/login'], {
          queryParams: { returnUrl: router.url, ...(hadSession ? { expired: 1 } : {}) },
        });
      }
      return throwError(() => ApiError.from(error));
    }),
  );
};
