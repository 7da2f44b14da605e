import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntityType } from '@madoguchi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { instantParam } from '../db/dialect';
import { insertedId } from '../db/inserted-id';
import { AuditLogEntry } from './audit-log.entity';
import type { AuditQueryDto } from './audit.dto';

/** Every query of the audit log: lines are written inside the caller's transaction, read on the reading connection. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: Omit<AuditLogEntry, 'id'>): Promise<number> {
    return insertedId(await manager.insert(AuditLogEntry, row));
  }

  /** Completes a line written before its outcome was known (a token's use, before its answer); nothing else changes one. */
  async completeAfter(manager: EntityManager, id: number, after: object): Promise<void> {
    await manager.update(AuditLogEntry, { id }, { after });
  }

  /** Every entry about one record, oldest first. */
  ofRecord(entityType: AuditEntityType, entityId: number): Promise<AuditLogEntry[]> {
    return this.dataSource.getRepository(AuditLogEntry).find({
      where: { entityType, entityId },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  /** One page of entries between the instants, newest first. */
  page(
    query: AuditQueryDto,
    start: Date | null | undefined,
    end: Date | null | undefined,
    page: number,
    pageSize: number,
  ): Promise<[AuditLogEntry[], number]> {
    const qb = this.dataSource.getRepository(AuditLogEntry).createQueryBuilder('a');
    if (start) qb.andWhere('a.at >= :start', { start: instantParam(this.dataSource, start) });
    if (end) qb.andWhere('a.at < :end', { end: instantParam(this.dataSource, end) });
    if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId !== undefined) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actor) qb.andWhere('a.actorUsername = :actor', { actor: query.actor });
    return qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
