import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntityType, AuditEntry, Page } from '@madoguchi/contracts';
import { tokyoDayRange } from '@madoguchi/rules';
import { DataSource, EntityManager } from 'typeorm';
import type { UserAccount } from '../auth/user.entity';
import { instantParam } from '../db/instants';
import { AuditLogEntry } from './audit-log.entity';
import { AuditQueryDto } from './audit.dto';

export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number;
  before: object | null;
  after: object | null;
}

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, actor: UserAccount, entry: AuditRecord): Promise<void> {
    await manager.insert(AuditLogEntry, {
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

  /** Every entry about one record, oldest first. */
  async ofRecord(entityType: AuditEntityType, entityId: number): Promise<AuditEntry[]> {
    const entries = await this.dataSource.getRepository(AuditLogEntry).find({
      where: { entityType, entityId },
      order: { at: 'ASC', id: 'ASC' },
    });
    return entries.map(toAuditEntry);
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { start, end } = tokyoDayRange(query.from, query.to);
    const qb = this.dataSource.getRepository(AuditLogEntry).createQueryBuilder('a');
    if (start) qb.andWhere('a.at >= :start', { start: instantParam(this.dataSource, start) });
    if (end) qb.andWhere('a.at < :end', { end: instantParam(this.dataSource, end) });
    if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId !== undefined) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actor) qb.andWhere('a.actorUsername = :actor', { actor: query.actor });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: items.map(toAuditEntry), total, page, pageSize };
  }
}
