import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { DeskLiveTopic } from '@madoguchi/contracts';
import { filter, map, Observable, Subject, take } from 'rxjs';

/** Changes that come together (a burst of writes in one commit) reach the screens as one event per topic. */
export const LIVE_COALESCE_MS = 50;

/**
 * The server's own news of what changed, for the live streams. In process only: it hears what this server committed,
 * which is every change, because one server owns the database file (see `claimDatabase`).
 */
@Injectable()
export class LiveHub implements BeforeApplicationShutdown {
  private readonly topics = new Subject<ReadonlySet<DeskLiveTopic>>();
  private readonly endedSessions = new Subject<string>();
  private readonly stopping = new Subject<void>();
  private pending = new Set<DeskLiveTopic>();
  private flush: NodeJS.Timeout | null = null;

  /** Each batch of topics that changed, at most one batch per LIVE_COALESCE_MS. */
  readonly changes: Observable<ReadonlySet<DeskLiveTopic>> = this.topics.asObservable();
  /** Completes when the server stops: every stream ends with it, so that shutdown need not wait for clients. */
  readonly closing: Observable<void> = this.stopping.asObservable();

  /**
   * Resolves as `write` does and, only when it did (the write path answers after COMMIT), announces `topic`: a
   * screen that refetches on the event can never read the state from before the change.
   */
  async afterCommit<T>(topic: DeskLiveTopic, write: Promise<T>): Promise<T> {
    const value = await write;
    this.changed(topic);
    return value;
  }

  changed(topic: DeskLiveTopic): void {
    this.pending.add(topic);
    this.flush ??= setTimeout(() => {
      const batch = this.pending;
      this.pending = new Set();
      this.flush = null;
      this.topics.next(batch);
    }, LIVE_COALESCE_MS);
  }

  /** A sign-out: the streams of that session end at once. */
  sessionEnded(tokenHash: string): void {
    this.endedSessions.next(tokenHash);
  }

  /** Emits once when the session behind `tokenHash` is signed out. */
  endOf(tokenHash: string): Observable<void> {
    return this.endedSessions.pipe(
      filter((ended) => ended === tokenHash),
      take(1),
      map(() => undefined),
    );
  }

  beforeApplicationShutdown(): void {
    if (this.flush) clearTimeout(this.flush);
    this.stopping.next();
    this.stopping.complete();
    this.topics.complete();
  }
}
