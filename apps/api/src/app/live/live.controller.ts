import { Controller, MessageEvent, Req, Sse } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/openapi';
import {
  type DeskLiveTopic,
  LIVE_HEARTBEAT_MS,
  LIVE_READY,
  type LiveSignal,
  type PublicLiveTopic,
} from '@madoguchi/contracts';
import { concatMap, finalize, interval, map, merge, Observable, of, takeUntil, throttleTime, timer } from 'rxjs';
import { AuthenticatedRequest, Public } from '../auth/auth.decorators';
import { DomainProblem } from '../common/problems';
import { LiveHub } from './live-hub';

/** How long a screen waits before it reconnects after the stream dropped (SSE `retry`). */
const RECONNECT_MS = 2_000;
/** The congestion page is public: its stream signals at most once a second, however busy the desk. */
const PUBLIC_SIGNAL_MS = 1_000;
/** Each open stream holds a connection: past this many public ones, more are refused and those pages poll instead. */
export const MAX_PUBLIC_STREAMS = 500;
const MAX_TIMER_MS = 2 ** 31 - 1;

class LiveStreamsFullProblem extends DomainProblem {
  constructor() {
    super(
      503,
      'live-streams-full',
      'Too many live streams',
      {
        ja: '同時に開ける更新通知の上限に達しています。画面は定期的な再読み込みで表示を続けます。',
        en: 'Too many live streams are open; the page keeps itself up to date by asking again from time to time.',
      },
      [],
      { retryAfter: 60 },
    );
  }
}

const signal = (type: string): MessageEvent => ({ type, data: { at: new Date().toISOString() } satisfies LiveSignal });

/**
 * Server-sent events that tell screens to fetch again: one stream per screen, a `ready` event first (the screen
 * fetches what it may have missed), then one event per change, and a comment every LIVE_HEARTBEAT_MS.
 */
@ApiTags('live')
@Controller()
export class LiveController {
  private publicStreams = 0;

  constructor(private readonly hub: LiveHub) {}
  @Sse('live/desk')
  @ApiResponse({
    status: 200,
    description: 'The stream: `event:` names the topic, `data:` is `{ "at": <instant> }`.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    summary: 'Events for the queue board and the outage banner (signed in)',
    description:
      'text/event-stream. `ready` on connecting, then `cases` when a case of any day was received, started, finished, ' +
      'edited or marked as left, `outages` when an outage was recorded or changed; each only after its commit, with ' +
      '`{ at }` as data. Ends when the session is signed out or expires, and when the server stops.',
  })
  desk(@Req() request: AuthenticatedRequest): Observable<MessageEvent> {
    const ends = merge(
      this.hub.closing,
      request.tokenHash ? this.hub.endOf(request.tokenHash) : of(),
      // Capped to what a Node timer can hold (24.8 days): past it the stream ends early and the screen reconnects.
      timer(Math.min(MAX_TIMER_MS, Math.max(0, (request.sessionExpiresAt?.getTime() ?? Date.now()) - Date.now()))),
    );
    return this.stream(
      this.hub.changes.pipe(concatMap((topics) => [...topics].map((topic: DeskLiveTopic) => signal(topic)))),
    ).pipe(takeUntil(ends));
  }

  @Public()
  @ApiProblems({ 503: 'Too many public streams are open: poll GET /api/public/congestion instead, or retry later.' })
  @Sse('public/live')
  @ApiResponse({
    status: 200,
    description: 'The stream: `event:` names the topic, `data:` is `{ "at": <instant> }`.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    summary: 'Events for the public congestion page (no sign-in)',
    description:
      'text/event-stream. `ready` on connecting, then `congestion` (data `{ at }` only: no case, no person) when the ' +
      'numbers of GET /api/public/congestion may have changed, at most once a second. 503 when too many are open.',
  })
  public(): Observable<MessageEvent> {
    if (this.publicStreams >= MAX_PUBLIC_STREAMS) throw new LiveStreamsFullProblem();
    this.publicStreams += 1;
    const congestion: PublicLiveTopic = 'congestion';
    return this.stream(
      this.hub.changes.pipe(
        throttleTime(PUBLIC_SIGNAL_MS, undefined, { leading: true, trailing: true }),
        map(() => signal(congestion)),
      ),
    ).pipe(finalize(() => (this.publicStreams -= 1)));
  }

  private stream(events: Observable<MessageEvent>): Observable<MessageEvent> {
    return merge(
      of({ ...signal(LIVE_READY), retry: RECONNECT_MS }),
      events,
      interval(LIVE_HEARTBEAT_MS).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }))),
    ).pipe(takeUntil(this.hub.closing));
  }
}
