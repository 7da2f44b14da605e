import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, LoginResponse, UserSummary } from '@madoguchi/contracts';
import { type Observable, finalize, map, tap } from 'rxjs';

// sessionStorage: a shared counter terminal forgets the sign-in when the browser closes.
const TOKEN_KEY = 'madoguchi.token';

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly tokenState = signal<string | null>(readToken());
  private readonly userState = signal<UserSummary | null>(null);

  readonly token = this.tokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly signedIn = computed(() => this.tokenState() !== null);

  login(credentials: LoginRequest): Observable<UserSummary> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials).pipe(
      tap(({ token, user }) => {
        writeToken(token);
        this.tokenState.set(token);
        this.userState.set(user);
      }),
      map(({ user }) => user),
    );
  }

  /** After a reload the token survives but the user does not: ask the API who it belongs to. */
  restoreUser(): Observable<UserSummary> {
    return this.http.get<UserSummary>('/api/auth/me').pipe(tap((user) => this.userState.set(user)));
  }

  /** Revokes the token on the server (best effort) and goes back to sign-in. */
  logout(): void {
    this.http
      .post<void>('/api/auth/logout', {})
      .pipe(
        finalize(() => {
          this.endSession();
          void this.router.navigate(['/login']);
        }),
      )
      .subscribe({ error: () => undefined });
  }

  /** Forgets the token and user locally. */
  endSession(): void {
    writeToken(null);
    this.tokenState.set(null);
    this.userState.set(null);
  }
}

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Without storage the session lives in memory until the page reloads.
  }
}
