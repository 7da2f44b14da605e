import { HttpClient } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, LoginResponse, UserSummary } from '@madoguchi/contracts';
import { type Observable, Subject, finalize, map, share, tap } from 'rxjs';

/** The tabs of one browser tell each other about a sign-out here. */
const SESSION_CHANNEL = 'madoguchi.session';
const SIGNED_OUT = 'signed-out';
const SIGNED_IN = 'signed-in';

/**
 * Who is signed in. The session itself is an HttpOnly, SameSite=Strict cookie the API sets at sign-in: no script
 * can read it, every tab of the browser sends it, and it ends when the browser closes or anyone signs out.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly userState = signal<UserSummary | null>(null);
  private readonly channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL);
  private readonly endedElsewhere = new Subject<void>();
  private restoring: Observable<UserSummary> | null = null;

  readonly user = this.userState.asReadonly();
  readonly signedIn = computed(() => this.userState() !== null);
  /** Another tab of this browser signed out: its session, shared by this tab, is gone. */
  readonly signedOutElsewhere = this.endedElsewhere.asObservable();

  constructor() {
    if (this.channel) {
      this.channel.onmessage = (message: MessageEvent) => {
        if (message.data === SIGNED_OUT) {
          this.endSession();
          this.endedElsewhere.next();
        } else if (message.data === SIGNED_IN && this.userState()) {
          // Another tab signed in anew, perhaps as someone else: this tab now acts for whoever the cookie names.
          this.restoreUser().subscribe({ error: () => this.endSession() });
        }
      };
      const channel = this.channel;
      inject(DestroyRef).onDestroy(() => channel.close());
    }
  }

  login(credentials: LoginRequest): Observable<UserSummary> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials).pipe(
      // The token in the answer is for API clients; this browser holds the session in its cookie only.
      tap(({ user }) => {
        this.userState.set(user);
        this.channel?.postMessage(SIGNED_IN);
      }),
      map(({ user }) => user),
    );
  }

  /** A new tab or a reload knows no user yet: the cookie, if any, tells the API who it is. One question at a time. */
  restoreUser(): Observable<UserSummary> {
    this.restoring ??= this.http.get<UserSummary>('/api/auth/me').pipe(
      tap((user) => this.userState.set(user)),
      finalize(() => (this.restoring = null)),
      share(),
    );
    return this.restoring;
  }

  /** Ends the session on the server (for every tab), tells the other tabs, and goes back to sign-in. */
  logout(): void {
    this.http
      .post<void>('/api/auth/logout', {})
      .pipe(
        finalize(() => {
          this.endSession();
          this.channel?.postMessage(SIGNED_OUT);
          void this.router.navigate(['/login']);
        }),
      )
      .subscribe({ error: () => undefined });
  }

  /** Forgets the user locally. */
  endSession(): void {
    this.userState.set(null);
  }
}
