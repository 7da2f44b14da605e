import { Injectable } from '@nestjs/common';
import type { Account, Labelled, Page } from '@madoguchi/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { UserAccount } from '../auth/user.entity';
import { defined } from '../common/defined';
import { ConflictProblem, FieldProblem, NotFoundProblem, ValidationProblem } from '../common/problems';
import { requireText } from '../common/require-text';
import { WritePath } from '../db/write-path';
import { CreateAccountDto, ListAccountsQueryDto, ResetPasswordDto, UpdateAccountDto } from './accounts.dto';
import { AccountsRepository } from './accounts.repository';

/** What admins see of an account, and what the audit log keeps: never the password hash. */
export const toAccount = (u: UserAccount): Account => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  siteId: u.siteId,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

const accountLabel = (id: number): Labelled => ({ ja: `アカウント #${id}`, en: `Account #${id}` });

@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly writes: WritePath,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListAccountsQueryDto): Promise<Page<Account>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const [items, total] = await this.repository.page(page, pageSize);
    return { items: items.map(toAccount), total, page, pageSize };
  }

  async create(dto: CreateAccountDto, actor: UserAccount): Promise<Account> {
    const displayName = requireText(dto.displayName, 'displayName', '表示名');
    // Hashing is slow on purpose: done before the transaction so that it holds no lock meanwhile.
    const passwordHash = await hashPassword(dto.password);
    return this.writes.run(async (manager) => {
      if (await this.repository.usernameTaken(manager, dto.username)) {
        throw new ConflictProblem(
          {
            ja: `ユーザー名「${dto.username}」はすでに使われています。`,
            en: `The username "${dto.username}" is taken.`,
          },
          [{ field: 'username', message: { ja: '別のユーザー名にしてください。', en: 'Choose another username.' } }],
        );
      }
      await this.assertSite(manager, dto.siteId ?? null);
      const newId = await this.repository.insert(manager, {
        username: dto.username,
        displayName,
        role: dto.role,
        passwordHash,
        disabled: false,
        siteId: dto.siteId ?? null,
      });
      const after = toAccount(await this.load(manager, newId));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'account',
        entityId: after.id,
        before: null,
        after,
      });
      return after;
    });
  }

  update(id: number, dto: UpdateAccountDto, actor: UserAccount): Promise<Account> {
    const displayName =
      dto.displayName === undefined ? undefined : requireText(dto.displayName, 'displayName', '表示名');
    return this.writes.run(async (manager) => {
      const entity = await this.load(manager, id);
      if (entity.id === actor.id) this.assertNoSelfLockout(dto);
      if (dto.siteId !== undefined) await this.assertSite(manager, dto.siteId);
      const before = toAccount(entity);
      const changes = defined({ displayName, role: dto.role, disabled: dto.disabled, siteId: dto.siteId });
      if (!Object.keys(changes).length) return before;
      await this.repository.update(manager, id, changes);
      // The guard already refuses a disabled account; ending its sessions keeps them dead if it is enabled again.
      if (dto.disabled === true) await this.repository.revokeSessions(manager, id);
      const after = toAccount(await this.load(manager, id));
      await this.audit.record(manager, actor, { action: 'update', entityType: 'account', entityId: id, before, after });
      return after;
    });
  }

  /** Sets a new password and ends the account's other sessions (a reset often follows a leaked password). */
  async resetPassword(
    id: number,
    dto: ResetPasswordDto,
    actor: UserAccount,
    actorTokenHash?: string,
  ): Promise<Account> {
    const passwordHash = await hashPassword(dto.password);
    return this.writes.run(async (manager) => {
      const entity = await this.load(manager, id);
      const before = toAccount(entity);
      await this.repository.update(manager, id, { passwordHash });
      await this.repository.revokeSessions(manager, id, id === actor.id ? actorTokenHash : undefined);
      const after = toAccount(await this.load(manager, id));
      await this.audit.record(manager, actor, {
        action: 'reset_password',
        entityType: 'account',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private assertNoSelfLockout(dto: UpdateAccountDto): void {
    const problems: FieldProblem[] = [];
    if (dto.disabled === true) {
      problems.push({
        field: 'disabled',
        message: { ja: '自分自身のアカウントは無効にできません。', en: 'You cannot disable your own account.' },
      });
    }
    if (dto.role !== undefined && dto.role !== 'admin') {
      problems.push({
        field: 'role',
        message: {
          ja: '自分自身の権限は下げられません。別のシステム管理者に依頼してください。',
          en: 'You cannot demote yourself; ask another admin.',
        },
      });
    }
    if (problems.length) throw new ValidationProblem(problems, 422);
  }

  private async assertSite(manager: EntityManager, siteId: number | null): Promise<void> {
    if (siteId !== null && !(await this.repository.siteExists(manager, siteId))) {
      throw new ValidationProblem(
        [{ field: 'siteId', message: { ja: 'その窓口(拠点)は登録されていません。', en: 'No site has this id.' } }],
        422,
      );
    }
  }

  private async load(manager: EntityManager, id: number): Promise<UserAccount> {
    const entity = await this.repository.load(manager, id);
    if (!entity) throw new NotFoundProblem(accountLabel(id));
    return entity;
  }
}
