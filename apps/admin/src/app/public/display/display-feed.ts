import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import type { PublicDisplay } from '@madoguchi/contracts';
import { catchError, exhaustMap, map, type Observable, of, timer } from 'rxjs';
import { queryParams } from '../../core/http/query-params';

/** How often the display asks for the calls; a second keeps a call on screen within about a second. */
export const DISPLAY_POLL_MS = new InjectionToken<number>('DISPLAY_POLL_MS', { factory: () => 1_000 });

export type DisplayReading = { display: PublicDisplay } | { failed: true };

/**
 * Where the waiting-room display hears from the desk: the one place that reads `/api/public/display`, so that polling
 * can give way to a server-sent stream without the page changing.
 */
@Injectable({ providedIn: 'root' })
export class DisplayFeed {
  private readonly http = inject(HttpClient);
  private readonly pollMs = inject(DISPLAY_POLL_MS);

  /** The display of a site (its code; the first site when none), again and again; a failed read says so and goes on. */
  watch(site: string | undefined): Observable<DisplayReading> {
    // exhaustMap: a slow answer is waited for rather than cancelled by the next tick.
    return timer(0, this.pollMs).pipe(
      exhaustMap(() =>
        this.http.get<PublicDisplay>('/api/public/display', { params: queryParams({ site }) }).pipe(
          map((display): DisplayReading => ({ display })),
          catchError(() => of<DisplayReading>({ failed: true })),
        ),
      ),
    );
  }
}
