import { Inject, Injectable } from '@nestjs/common';
import type { CaseStatus, Labelled, SupportCase } from '@madoguchi/contracts';
import { caseRecordProblems, CaseRecordFacts, functionsOf, outagesStopping } from '@madoguchi/rules';
import type { UserAccount } from '../auth/user.entity';
import {
  ConfirmationRequiredProblem,
  ForbiddenProblem,
  InvalidTransitionProblem,
  ValidationProblem,
} from '../common/problems';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { WritePath, type WriteWork } from '../db/write-path';
import { LiveHub } from '../live/live-hub';
import { OutagesRepository } from '../outages/outages.repository';
import { mayChangeCase, NOT_YOURS_TO_CHANGE, SERVED_BY_SOMEONE_ELSE } from './case-access';
import { caseColumns, factsOf } from './case-row';
import { CaseTransitionDto, FinishCaseDto, StartCaseDto } from './cases.dto';
import { CasesRepository } from './cases.repository';
import type { SupportCaseEntity } from './support-case.entity';

type Transition = 'start' | 'finish' | 'leave';

/** Where the case stands, said so that staff know at once why the button did nothing. */
const STANDING: Readonly<Record<CaseStatus, Labelled>> = {
  waiting: { ja: 'このケースはまだ対応を開始していません。', en: 'This case has not been started yet.' },
  in_service: { ja: 'このケースはすでに対応中です。', en: 'This case is already in service.' },
  completed: { ja: 'このケースはすでに完了しています。', en: 'This case is already completed.' },
  not_completed: {
    ja: 'このケースはすでに未完了として終了しています。',
    en: 'This case has already ended as not completed.',
  },
  left: { ja: 'このケースは対応前に退出済みです。', en: 'This citizen already left before being served.' },
};

const WHAT_TO_DO: Readonly<Record<Transition, Labelled>> = {
  start: { ja: '対応開始できるのは受付待ちのケースだけです。', en: 'Only a waiting case can be started.' },
  finish: {
    ja: '対応終了できるのは対応中のケースだけです。',
    en: 'Only a case in service can be finished.',
  },
  leave: {
    ja: '「対応前に退出」にできるのは受付待ちのケースだけです。',
    en: 'Only a waiting case can be marked as left.',
  },
};

const refusal = (transition: Transition, status: CaseStatus) =>
  new InvalidTransitionProblem({
    ja: `${STANDING[status].ja}${WHAT_TO_DO[transition].ja}`,
    en: `${STANDING[status].en} ${WHAT_TO_DO[transition].en}`,
  });

/** waiting → in_service → completed | not_completed, or waiting → left; each one transaction with its audit line. */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly writes: WritePath,
    private readonly store: CasesRepository,
    private readonly outages: OutagesRepository,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly live: LiveHub,
  ) {}

  start(id: number, dto: StartCaseDto, user: UserAccount): Promise<SupportCase> {
    return this.write(async (manager) => {
      const entity = await this.loadForChange(manager, id, user, dto.version);
      if (entity.status !== 'waiting') throw refusal('start', entity.status);
      return this.store.write(
        manager,
        entity,
        { status: 'in_service', startedAt: new Date(), staffId: user.id, counter: dto.counter ?? null },
        user,
        'start',
      );
    });
  }

  leave(id: number, dto: CaseTransitionDto, user: UserAccount): Promise<SupportCase> {
    return this.write(async (manager) => {
      const entity = await this.loadForChange(manager, id, user, dto.version);
      if (entity.status !== 'waiting') throw refusal('leave', entity.status);
      return this.store.write(manager, entity, { status: 'left', endedAt: new Date() }, user, 'leave');
    });
  }

  finish(id: number, dto: FinishCaseDto, user: UserAccount): Promise<SupportCase> {
    return this.write(async (manager) => {
      const entity = await this.loadForChange(manager, id, user, dto.version);
      if (entity.status !== 'in_service') throw refusal('finish', entity.status);
      const now = new Date();
      const current = factsOf(entity);
      const procedure = current.procedure;
      const alreadyReserved = dto.alreadyReserved ?? current.alreadyReserved;
      const facts: CaseRecordFacts = {
        ...current,
        status: dto.outcome,
        endedAt: now.toISOString(),
        alreadyReserved,
        paymentServiceId: dto.paymentServiceId === undefined ? current.paymentServiceId : dto.paymentServiceId,
        // The usual case takes no ticking: a completed case completed every step of its procedure.
        completed: dto.completed ?? (dto.outcome === 'completed' ? functionsOf(procedure, alreadyReserved) : []),
        reason: dto.reason ?? null,
        note: dto.note === undefined ? current.note : dto.note?.trim() || null,
        certRenewedAt: dto.certRenewedAt ? new Date(dto.certRenewedAt).toISOString() : null,
      };
      const problems = caseRecordProblems(facts, now, this.settings.CERT_WAIT_HOURS);
      if (problems.length) throw new ValidationProblem(problems, 422);
      if (dto.paymentServiceId !== undefined) await this.store.assertPaymentService(manager, facts.paymentServiceId);
      if (facts.reason === 'platform_maintenance' && dto.confirm !== true && !(await this.outageStops(now, facts))) {
        throw new ConfirmationRequiredProblem({
          ja: '現在、この手続を止めるメンテナンスは記録されていません。理由を「マイキープラットフォームのメンテナンス」として終了してよければ、確認のうえもう一度送信してください(confirm: true)。',
          en: 'No recorded outage stops this procedure right now. To finish it as platform_maintenance anyway, confirm and send again (confirm: true).',
        });
      }
      return this.store.write(
        manager,
        entity,
        {
          ...caseColumns(facts),
          followUpCode:
            entity.followUpCode ??
            (facts.status === 'not_completed' ? await this.store.unusedFollowUpCode(manager) : null),
        },
        user,
        'finish',
      );
    });
  }

  /** Every transition is announced to the live board once committed. */
  private write<T>(work: WriteWork<T>): Promise<T> {
    return this.live.afterCommit('cases', this.writes.run(work));
  }

  private async loadForChange(
    manager: Parameters<CasesRepository['load']>[0],
    id: number,
    user: UserAccount,
    version: number | undefined,
  ): Promise<SupportCaseEntity> {
    const entity = await this.store.load(manager, id);
    if (!mayChangeCase(user, entity)) {
      const busy = entity.status === 'in_service' && entity.staffId !== user.id;
      throw new ForbiddenProblem(busy ? SERVED_BY_SOMEONE_ELSE : NOT_YOURS_TO_CHANGE);
    }
    this.store.assertVersion(entity, version);
    return entity;
  }

  /** A recorded outage of the platform (or of the case's own payment service) stops a step still to be done. */
  private async outageStops(at: Date, facts: CaseRecordFacts): Promise<boolean> {
    const pending = functionsOf(facts.procedure, facts.alreadyReserved).filter((f) => !facts.completed.includes(f));
    const windows = await this.outages.windowsFrom(at, { paymentServiceId: facts.paymentServiceId });
    const platform = windows.filter((w) => w.system !== 'terminal');
    return outagesStopping(at, platform, pending).length > 0;
  }
}
