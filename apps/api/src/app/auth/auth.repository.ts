import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthToken } from './auth-token.entity';
import { UserAccount } from './user.entity';

/** Every query of signing in and out: reads on the reading connection, writes inside the caller's transaction. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byUsername(username: string): Promise<UserAccount | null> {
    return this.dataSource.getRepository(UserAccount).findOneBy({ username });
  }

  /** The open session of a token hash, with its account. */
  session(tokenHash: string): Promise<AuthToken | null> {
    // Asked on every request: one statement, prepared once (findOne with relations would add a second).
    return this.dataSource
      .getRepository(AuthToken)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.user', 'user')
      .where('t.tokenHash = :tokenHash AND t.revokedAt IS NULL AND t.expiresAt > :now', { tokenHash, now: new Date() })
      .getOne();
  }

  async insertToken(manager: EntityManager, row: Pick<AuthToken, 'tokenHash' | 'userId' | 'expiresAt' | 'revokedAt'>) {
    await manager.insert(AuthToken, row);
  }

  async revokeToken(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.update(AuthToken, { tokenHash }, { revokedAt: new Date() });
  }
}
