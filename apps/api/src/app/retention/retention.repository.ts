import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { instantParam } from '../db/instants';

/** The retention job's statements, each run inside the caller's transaction. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes expired and revoked sessions; how many. */
  async purgeSessions(manager: EntityManager, now: Date): Promise<number> {
    const purged: unknown[] = await manager.query(
      `DELETE FROM auth_token WHERE expiresAt < ? OR revokedAt IS NOT NULL RETURNING id`,
      [this.param(now)],
    );
    return purged.length;
  }

  /** The cases that arrived before the cutoff and still hold a note. */
  expiredNotes(manager: EntityManager, cutoff: Date): Promise<{ id: number }[]> {
    return manager.query(`SELECT id FROM support_case WHERE note IS NOT NULL AND arrivedAt < ?`, [this.param(cutoff)]);
  }

  /** Blanks the notes of the cases that arrived before the cutoff, each a new version. */
  async blankNotes(manager: EntityManager, now: Date, cutoff: Date): Promise<void> {
    await manager.query(
      `UPDATE support_case SET note = NULL, version = version + 1, updatedAt = ? WHERE note IS NOT NULL AND arrivedAt < ?`,
      [this.param(now), this.param(cutoff)],
    );
  }

  /** One audit line per case whose note the job removed, in the job's name. */
  async auditNoteRemovals(manager: EntityManager, ids: readonly number[], now: Date, actor: string): Promise<void> {
    // In slices: one INSERT may bind only so many values.
    for (let i = 0; i < ids.length; i += 500) {
      await manager.insert(
        AuditLogEntry,
        ids.slice(i, i + 500).map((id) => ({
          at: now,
          actorId: null,
          actorUsername: actor,
          action: 'remove_note' as const,
          entityType: 'case' as const,
          entityId: id,
          before: null,
          after: null,
        })),
      );
    }
  }

  /** The note's text out of every audit snapshot of the cases past retention, before and after alike. */
  async clearSnapshots(manager: EntityManager, cutoff: Date): Promise<number> {
    let cleared = 0;
    for (const side of ['before', 'after'] as const) {
      const rows: unknown[] = await manager.query(
        `UPDATE audit_log SET "${side}" = json_set("${side}", '$.note', NULL)
         WHERE entityType = 'case' AND json_extract("${side}", '$.note') IS NOT NULL
           AND entityId IN (SELECT id FROM support_case WHERE arrivedAt < ?)
         RETURNING id`,
        [this.param(cutoff)],
      );
      cleared += rows.length;
    }
    return cleared;
  }

  private param(instant: Date): string | Date {
    return instantParam(this.dataSource, instant);
  }
}
