import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntityType, AuditEntry, Page } from '@madoguchi/contracts';
import { tokyoDayRange } from '@madoguchi/rules';
import type { EntityManager } from 'typeorm';
import type { UserAccount } from '../auth/user.entity';
import type { AuditLogEntry } from './audit-log.entity';
import { AuditQueryDto } from './audit.dto';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number;
  before: object | null;
  after: object | null;
}

export type AuditActor = Pick<UserAccount, 'username'> & { id: number | null };

const toAuditEntry = (e: AuditLogEntry): AuditEntry => ({
  id: e.id,
  at: e.at.toISOString(),
  actorUsername: e.actorUsername,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before ?? null,
  after: e.after ?? null,
});

/** Writes the audit log inside the caller's transaction, so a change and its record stand or fall together. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * `actor` is a signed-in account, or a machine (an API token) with no account: id null and a name of its own.
   * Resolves with the new line's id.
   */
  record(manager: EntityManager, actor: AuditActor, entry: AuditRecord): Promise<number> {
    return this.repository.insert(manager, {
      at: new Date(),
      actorId: actor.id,
      actorUsername: actor.username,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    });
  }

  /** Sets the _after_ of a line written before the outcome it records was known (see ApiTokenGate). */
  completeAfter(manager: EntityManager, id: number, after: object): Promise<void> {
    return this.repository.completeAfter(manager, id, after);
  }

  /** Every entry about one record, oldest first. */
  async ofRecord(entityType: AuditEntityType, entityId: number): Promise<AuditEntry[]> {
    const entries = await this.repository.ofRecord(entityType, entityId);
    return entries.map(toAuditEntry);
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { start, end } = tokyoDayRange(query.from, query.to);
    const [items, total] = await this.repository.page(query, start, end, page, pageSize);
    return { items: items.map(toAuditEntry), total, page, pageSize };
  }
}
