import { insertedId } from '../db/inserted-id';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AuthToken } from '../auth/auth-token.entity';
import { UserAccount } from '../auth/user.entity';
import { SiteEntity } from '../catalog/site.entity';

/** Every query of the staff accounts: reads on the reading connection, writes inside the caller's transaction. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether any account exists: a server without one says how to create the first admin. */
  anyAccount(): Promise<boolean> {
    return this.dataSource.getRepository(UserAccount).exists();
  }

  /** One page of accounts by username. */
  page(page: number, pageSize: number): Promise<[UserAccount[], number]> {
    return this.dataSource.getRepository(UserAccount).findAndCount({
      order: { username: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  load(manager: EntityManager, id: number): Promise<UserAccount | null> {
    return manager.findOneBy(UserAccount, { id });
  }

  usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    return manager.existsBy(UserAccount, { username });
  }

  siteExists(manager: EntityManager, siteId: number): Promise<boolean> {
    return manager.existsBy(SiteEntity, { id: siteId });
  }

  /** Inserts an account and hands back its id. */
  async insert(manager: EntityManager, row: Partial<UserAccount>): Promise<number> {
    return insertedId(await manager.insert(UserAccount, row));
  }

  async update(manager: EntityManager, id: number, changes: Partial<UserAccount>): Promise<void> {
    await manager.update(UserAccount, { id }, changes);
  }

  /** Ends every open session of the account, but the one kept (the admin's own, when resetting their password). */
  async revokeSessions(manager: EntityManager, userId: number, keepTokenHash?: string): Promise<void> {
    await manager.update(
      AuthToken,
      { userId, revokedAt: IsNull(), ...(keepTokenHash ? { tokenHash: Not(keepTokenHash) } : {}) },
      { revokedAt: new Date() },
    );
  }
}
