import { Injectable } from '@nestjs/common';
import type { AuditAction, Labelled, SupportCase } from '@madoguchi/contracts';
import { normaliseFollowUpCode } from '@madoguchi/rules';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserAccount } from '../auth/user.entity';
import { PaymentServiceEntity } from '../catalog/payment-service.entity';
import { NotFoundProblem, StaleVersionProblem, ValidationProblem } from '../common/problems';
import { toSupportCase } from './case-row';
import { SupportCaseEntity } from './support-case.entity';

export const caseLabel = (id: number): Labelled => ({ ja: `ケース #${id}`, en: `Case #${id}` });

const unknownPaymentService = () =>
  new ValidationProblem(
    [
      {
        field: 'paymentServiceId',
        message: { ja: 'その決済サービスは登録されていません。', en: 'No payment service has this id.' },
      },
    ],
    422,
  );

/** Reads and writes cases inside a caller's transaction: every change checks the version and leaves an audit line. */
@Injectable()
export class CaseStore {
  constructor(private readonly audit: AuditService) {}

  async load(manager: EntityManager, id: number): Promise<SupportCaseEntity> {
    // A query builder rather than findOne with relations: that one adds a second query with the id spelled into it.
    const entity = await manager
      .createQueryBuilder(SupportCaseEntity, 'c')
      .leftJoinAndSelect('c.staff', 'staff')
      .where('c.id = :id', { id })
      .getOne();
    if (!entity) throw new NotFoundProblem(caseLabel(id));
    return entity;
  }

  /** Refuses a change made on a screen that showed an older version, and hands back the case as it is now. */
  assertVersion(entity: SupportCaseEntity, version: number | undefined): void {
    if (version !== undefined && version !== entity.version) {
      throw new StaleVersionProblem<SupportCase>(caseLabel(entity.id), version, toSupportCase(entity));
    }
  }

  async assertPaymentService(manager: EntityManager, id: number | null): Promise<void> {
    if (id !== null && !(await manager.existsBy(PaymentServiceEntity, { id }))) throw unknownPaymentService();
  }

  /** The case a follow-up code points to; 422 naming the field when the code is malformed or unknown. */
  async caseOfFollowUpCode(manager: EntityManager, input: string): Promise<SupportCaseEntity> {
    const code = normaliseFollowUpCode(input);
    const found = code ? await manager.findOne(SupportCaseEntity, { where: { followUpCode: code } }) : null;
    if (!found) {
      throw new ValidationProblem(
        [
          {
            field: 'followUpCode',
            message: {
              ja: `再来庁コード「${input}」のケースは見つかりません。控えのコードをご確認ください。`,
              en: `No case has the follow-up code "${input}"; check the code on the slip.`,
            },
          },
        ],
        422,
      );
    }
    return found;
  }

  /** Writes only if the row is still at the version read (no lock needed), bumps it, and audits before and after. */
  async write(
    manager: EntityManager,
    before: SupportCaseEntity,
    changes: Partial<SupportCaseEntity>,
    actor: UserAccount,
    action: AuditAction,
  ): Promise<SupportCase> {
    const result = await manager.update(SupportCaseEntity, { id: before.id, version: before.version }, changes);
    if (result.affected === 0) this.assertVersion(await this.load(manager, before.id), before.version);
    const after = toSupportCase(await this.load(manager, before.id));
    await this.audit.record(manager, actor, {
      action,
      entityType: 'case',
      entityId: before.id,
      before: toSupportCase(before),
      after,
    });
    return after;
  }
}
