import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { AuthToken } from '../auth/auth-token.entity';
import { SupportCaseEntity } from '../cases/support-case.entity';
import { dialectOf, instantParam } from '../db/dialect';

/** The retention job's statements, each run inside the caller's transaction. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes expired and revoked sessions; how many. */
  async purgeSessions(manager: EntityManager, now: Date): Promise<number> {
    const purged = await manager
      .createQueryBuilder()
      .delete()
      .from(AuthToken)
      .where('"expiresAt" < :now OR "revokedAt" IS NOT NULL', { now: this.param(now) })
      .execute();
    return purged.affected ?? 0;
  }

  /** The cases that arrived before the cutoff and still hold a note. */
  expiredNotes(manager: EntityManager, cutoff: Date): Promise<{ id: number }[]> {
    return manager
      .createQueryBuilder(SupportCaseEntity, 'c')
      .select('c.id', 'id')
      .where('c.note IS NOT NULL AND c.arrivedAt < :cutoff', { cutoff: this.param(cutoff) })
      .getRawMany<{ id: number }>();
  }

  /** Blanks the notes of the cases that arrived before the cutoff, each a new version. */
  async blankNotes(manager: EntityManager, now: Date, cutoff: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SupportCaseEntity)
      // The job's own clock, as on its audit lines.
      .set({ note: null, version: () => 'version + 1', updatedAt: now })
      .where('note IS NOT NULL AND "arrivedAt" < :cutoff', { cutoff: this.param(cutoff) })
      .updateEntity(false)
      .execute();
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
    const sql = dialectOf(this.dataSource);
    for (const side of ['before', 'after'] as const) {
      const column = `"${side}"`;
      const result = await manager
        .createQueryBuilder()
        .update(AuditLogEntry)
        .set({ [side]: () => sql.jsonWithNull(column, 'note') })
        .where(`"entityType" = 'case' AND ${sql.jsonHas(column, 'note')}`)
        .andWhere('"entityId" IN (SELECT c.id FROM support_case c WHERE c."arrivedAt" < :cutoff)', {
          cutoff: this.param(cutoff),
        })
        .updateEntity(false)
        .execute();
      cleared += result.affected ?? 0;
    }
    return cleared;
  }

  private param(instant: Date): string | Date {
    return instantParam(this.dataSource, instant);
  }
}
