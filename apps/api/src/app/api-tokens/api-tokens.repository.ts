import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertedId } from '../db/inserted-id';
import { ApiTokenEntity } from './api-token.entity';

/** Every query of the API tokens: reads on the reading connection, writes inside the caller's transaction. */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every token with its creator, newest first. */
  all(): Promise<ApiTokenEntity[]> {
    return this.dataSource.getRepository(ApiTokenEntity).find({
      relations: { createdBy: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The token of a secret hash, whatever its state: the guard tells revoked and expired apart itself. */
  bySecretHash(secretHash: string): Promise<ApiTokenEntity | null> {
    return this.dataSource.getRepository(ApiTokenEntity).findOneBy({ secretHash });
  }

  load(manager: EntityManager, id: number): Promise<ApiTokenEntity | null> {
    return manager.findOne(ApiTokenEntity, { where: { id }, relations: { createdBy: true } });
  }

  async insert(manager: EntityManager, row: Omit<ApiTokenEntity, 'id' | 'createdAt' | 'createdBy'>): Promise<number> {
    return insertedId(await manager.insert(ApiTokenEntity, row));
  }

  async revoke(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.update(ApiTokenEntity, { id }, { revokedAt: at });
  }

  async used(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.update(ApiTokenEntity, { id }, { lastUsedAt: at });
  }
}
