import { Injectable, type Signal, signal, type WritableSignal } from '@angular/core';
import { DESK_LIVE_TOPICS, LIVE_READY, PUBLIC_LIVE_TOPICS } from '@madoguchi/contracts';
import {
  BehaviorSubject,
  distinctUntilChanged,
  EMPTY,
  filter,
  map,
  merge,
  Observable,
  of,
  share,
  switchMap,
  timer,
} from 'rxjs';

/** The two streams of the API: the desk's (signed in) and the congestion page's (public). */
export type LiveStreamUrl = '/api/live/desk' | '/api/public/live';
type Topic = (typeof DESK_LIVE_TOPICS)[number] | (typeof PUBLIC_LIVE_TOPICS)[number];

/** After the server refused the stream (401, 503), the browser gives up on it: try again after this long. */
const REOPEN_MS = 10_000;

interface Feed {
  /** The names of the events as they arrive: `ready` on each (re)connect, then the topics. */
  events: Observable<string>;
  /** Whether the stream is open, for the screen (signal) and for the polling (subject). */
  open: WritableSignal<boolean>;
  open$: BehaviorSubject<boolean>;
}

/**
 * The API's server-sent events, one EventSource per stream however many parts of the screen listen (the board and
 * its outage banner share one). The browser reconnects a dropped stream by itself; a refused one is reopened here.
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly feeds = new Map<LiveStreamUrl, Feed>();

  /** Whether the stream is open now; while it is not, screens fall back to polling. */
  isOpen(url: LiveStreamUrl): Signal<boolean> {
    return this.feed(url).open.asReadonly();
  }

  /**
   * When the screen should fetch again: at once, on each (re)connect (it may have missed news), on each of `topics`,
   * and every `pollMs` while the stream is not open — or always, with `keepPolling`, for what changes with the clock
   * alone (an outage announced for 14:00 begins without anyone writing).
   */
  refreshes(url: LiveStreamUrl, topics: readonly Topic[], pollMs: number, keepPolling = false): Observable<void> {
    const feed = this.feed(url);
    const news = feed.events.pipe(filter((name) => name === LIVE_READY || topics.includes(name as Topic)));
    const polls = feed.open$.pipe(
      distinctUntilChanged(),
      switchMap((open) => (open && !keepPolling ? EMPTY : timer(pollMs, pollMs))),
    );
    return merge(of(null), news, polls).pipe(map(() => undefined));
  }

  private feed(url: LiveStreamUrl): Feed {
    const known = this.feeds.get(url);
    if (known) return known;
    const open = signal(false);
    const open$ = new BehaviorSubject(false);
    const setOpen = (value: boolean) => {
      open.set(value);
      open$.next(value);
    };
    const events = new Observable<string>((subscriber) => {
      // No EventSource (an old browser, the unit tests): the screens poll as before.
      if (typeof EventSource === 'undefined') return undefined;
      let source: EventSource | null = null;
      let reopen: ReturnType<typeof setTimeout> | undefined;
      const connect = () => {
        const current = new EventSource(url);
        source = current;
        current.addEventListener(LIVE_READY, () => {
          setOpen(true);
          subscriber.next(LIVE_READY);
        });
        for (const topic of [...DESK_LIVE_TOPICS, ...PUBLIC_LIVE_TOPICS]) {
          current.addEventListener(topic, () => subscriber.next(topic));
        }
        current.onerror = () => {
          setOpen(false);
          if (current.readyState !== EventSource.CLOSED) return;
          current.close();
          reopen = setTimeout(connect, REOPEN_MS);
        };
      };
      connect();
      return () => {
        clearTimeout(reopen);
        source?.close();
        setOpen(false);
      };
    }).pipe(share());
    const feed: Feed = { events, open, open$ };
    this.feeds.set(url, feed);
    return feed;
  }
}
