import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLogEntry } from '../audit/audit-log.entity';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { instantParam } from '../db/instants';
import { WritePath } from '../db/write-path';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const sessionsPurged = await this.purgeSessions(manager, now);
      const days = this.settings.NOTE_RETENTION_DAYS;
      if (!days) return { notesRemoved: 0, snapshotsCleared: 0, sessionsPurged };
      const cutoff = this.param(new Date(now.getTime() - days * DAY_MS));
      const expired: { id: number }[] = await manager.query(
        `SELECT id FROM support_case WHERE note IS NOT NULL AND arrivedAt < ?`,
        [cutoff],
      );
      if (expired.length) {
        await manager.query(
          `UPDATE support_case SET note = NULL, version = version + 1, updatedAt = ? WHERE note IS NOT NULL AND arrivedAt < ?`,
          [this.param(now), cutoff],
        );
        // In slices: one INSERT may bind only so many values.
        for (let i = 0; i < expired.length; i += 500) {
          await manager.insert(
            AuditLogEntry,
            expired.slice(i, i + 500).map(({ id }) => ({
              at: now,
              actorId: null,
              actorUsername: SYSTEM_ACTOR,
              action: 'remove_note' as const,
              entityType: 'case' as const,
              entityId: id,
              before: null,
              after: null,
            })),
          );
        }
      }
      const snapshotsCleared = await this.clearSnapshots(manager, cutoff);
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

  private async purgeSessions(manager: EntityManager, now: Date): Promise<number> {
    const purged: unknown[] = await manager.query(
      `DELETE FROM auth_token WHERE expiresAt < ? OR revokedAt IS NOT NULL RETURNING id`,
      [this.param(now)],
    );
    return purged.length;
  }

  /** The note's text out of every audit snapshot of the cases past retention, before and after alike. */
  private async clearSnapshots(manager: EntityManager, cutoff: string | Date): Promise<number> {
    let cleared = 0;
    for (const side of ['before', 'after'] as const) {
      const rows: unknown[] = await manager.query(
        `UPDATE audit_log SET "${side}" = json_set("${side}", '$.note', NULL)
         WHERE entityType = 'case' AND json_extract("${side}", '$.note') IS NOT NULL
           AND entityId IN (SELECT id FROM support_case WHERE arrivedAt < ?)
         RETURNING id`,
        [cutoff],
      );
      cleared += rows.length;
    }
    return cleared;
  }

  private param(instant: Date): string | Date {
    return instantParam(this.dataSource, instant);
  }
}
