import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { WritePath } from '../db/write-path';
import { RetentionRepository } from './retention.repository';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// The first run waits for the server to be up, so that a long first clean-up never delays the start.
const FIRST_RUN_AFTER_MS = 2000;
/** Who removed a note when no person did: the audit log names the retention job. */
export const SYSTEM_ACTOR = 'system';

export interface RetentionResult {
  notesRemoved: number;
  snapshotsCleared: number;
  sessionsPurged: number;
}

/**
 * The retention job, inside the server, every hour: expired and revoked sessions are deleted, and when
 * NOTE_RETENTION_DAYS is set, the notes of cases that arrived before then are blanked, each with an audit line that
 * says so, and the note is cleared from every earlier audit snapshot of those cases: its text is kept nowhere.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly repository: RetentionRepository,
    private readonly writes: WritePath,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () =>
      void this.run().catch((error: unknown) => this.logger.error(`Retention failed: ${String(error)}`));
    this.timers = [setTimeout(tick, FIRST_RUN_AFTER_MS), setInterval(tick, HOUR_MS)];
    for (const timer of this.timers) timer.unref();
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  async run(now = new Date()): Promise<RetentionResult> {
    const result = await this.writes.run(async (manager) => {
      const sessionsPurged = await this.repository.purgeSessions(manager, now);
      const days = this.settings.NOTE_RETENTION_DAYS;
      if (!days) return { notesRemoved: 0, snapshotsCleared: 0, sessionsPurged };
      const cutoff = new Date(now.getTime() - days * DAY_MS);
      const expired = await this.repository.expiredNotes(manager, cutoff);
      if (expired.length) {
        await this.repository.blankNotes(manager, now, cutoff);
        await this.repository.auditNoteRemovals(
          manager,
          expired.map(({ id }) => id),
          now,
          SYSTEM_ACTOR,
        );
      }
      const snapshotsCleared = await this.repository.clearSnapshots(manager, cutoff);
      return { notesRemoved: expired.length, snapshotsCleared, sessionsPurged };
    });
    if (result.notesRemoved || result.snapshotsCleared || result.sessionsPurged) {
      this.logger.log(
        `Notes removed from ${result.notesRemoved} case(s), ${result.snapshotsCleared} audit snapshot(s) cleared, ` +
          `${result.sessionsPurged} ended session(s) deleted`,
      );
    }
    return result;
  }
}
