import { BeforeApplicationShutdown, Injectable, OnModuleInit } from '@nestjs/common';
import type { DeskLiveTopic } from '@madoguchi/contracts';
import { filter, map, Observable, Subject, take } from 'rxjs';
import type { DatabaseTarget } from '../db/engine';
import { LiveNews, PostgresLiveRelay } from './live-relay';

/** Changes that come together (a burst of writes in one commit) reach the screens as one event per topic. */
export const LIVE_COALESCE_MS = 50;

/**
 * The news of what changed, for the live streams. On SQLite it is what this server committed, which is every change,
 * because one server owns the database file (see `claimDatabase`); on PostgreSQL the other servers' news comes too.
 */
@Injectable()
export class LiveHub implements OnModuleInit, BeforeApplicationShutdown {
  private readonly topics = new Subject<ReadonlySet<DeskLiveTopic>>();
  private readonly endedSessions = new Subject<string>();
  private readonly stopping = new Subject<void>();
  private pending = new Set<DeskLiveTopic>();
  private flush: NodeJS.Timeout | null = null;

  /** Each batch of topics that changed, at most one batch per LIVE_COALESCE_MS. */
  readonly changes: Observable<ReadonlySet<DeskLiveTopic>> = this.topics.asObservable();
  /** Completes when the server stops: every stream ends with it, so that shutdown need not wait for clients. */
  readonly closing: Observable<void> = this.stopping.asObservable();

  private readonly relay: PostgresLiveRelay | null;

  constructor(target: DatabaseTarget) {
    this.relay = target.engine === 'postgres' ? new PostgresLiveRelay(target.url, (news) => this.heard(news)) : null;
  }

  async onModuleInit(): Promise<void> {
    await this.relay?.open();
  }

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
    this.relay?.tell({ topic });
    this.changedHere(topic);
  }

  private changedHere(topic: DeskLiveTopic): void {
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
    this.relay?.tell({ session: tokenHash });
    this.endedSessions.next(tokenHash);
  }

  private heard(news: LiveNews): void {
    if ('topic' in news) this.changedHere(news.topic);
    else this.endedSessions.next(news.session);
  }

  /** Emits once when the session behind `tokenHash` is signed out. */
  endOf(tokenHash: string): Observable<void> {
    return this.endedSessions.pipe(
      filter((ended) => ended === tokenHash),
      take(1),
      map(() => undefined),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.close();
    if (this.flush) clearTimeout(this.flush);
    this.stopping.next();
    this.stopping.complete();
    this.topics.complete();
  }
}
