import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import type { PublicDisplay } from '@madoguchi/contracts';
import { catchError, map, merge, type Observable, of, switchMap, timer } from 'rxjs';
import { queryParams } from '../../core/http/query-params';
import { LiveEvents } from '../../core/live/live-events';

/** How often the display asks for the calls while the live stream is down: a call still shows within about a second. */
export const DISPLAY_POLL_MS = new InjectionToken<number>('DISPLAY_POLL_MS', { factory: () => 1_000 });

/** Hours, the open sign and announced maintenance change with the clock alone, without any event. */
const CLOCK_MS = 30_000;

export type DisplayReading = { display: PublicDisplay } | { failed: true };

/**
 * Where the waiting-room display hears from the desk: the one place that reads `/api/public/display`, on the public
 * server-sent stream's news, polling only while the stream is down.
 */
@Injectable({ providedIn: 'root' })
export class DisplayFeed {
  private readonly http = inject(HttpClient);
  private readonly pollMs = inject(DISPLAY_POLL_MS);
  private readonly live = inject(LiveEvents);

  /** The display of a site (its code; the first site when none), again and again; a failed read says so and goes on. */
  watch(site: string | undefined): Observable<DisplayReading> {
    // The public stream says when the queue changed; switchMap lets the newest news win over a slower answer.
    return merge(this.live.refreshes('/api/public/live', ['congestion'], this.pollMs), timer(CLOCK_MS, CLOCK_MS)).pipe(
      switchMap(() =>
        this.http.get<PublicDisplay>('/api/public/display', { params: queryParams({ site }) }).pipe(
          map((display): DisplayReading => ({ display })),
          catchError(() => of<DisplayReading>({ failed: true })),
        ),
      ),
    );
  }
}
