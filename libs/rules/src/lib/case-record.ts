import type {
  AgeBand,
  CaseStatus,
  Labelled,
  PlatformFunction,
  Procedure,
  ReasonCode,
  Representative,
} from '@madoguchi/contracts';
import { DEFAULT_CERT_WAIT_HOURS } from './certificate';
import { containsMyNumber, MY_NUMBER_REFUSAL } from './guards';

/** The parts of a support case whose combination the desk's rules constrain; instants as ISO-8601 strings. */
export interface CaseRecordFacts {
  status: CaseStatus;
  procedure: Procedure;
  representative: Representative;
  ageBand: AgeBand | null;
  paymentServiceId: number | null;
  arrivedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  completed: readonly PlatformFunction[];
  alreadyReserved: boolean;
  reason: ReasonCode | null;
  note: string | null;
  /** When 市民課 renewed or issued the certificate, recorded only for `cert_wait_24h`; the wait counts from it. */
  certRenewedAt?: string | null;
}

export interface CaseRecordProblem {
  field: keyof CaseRecordFacts;
  message: Labelled;
}

/** The platform functions a procedure involves; an inquiry involves none. */
export function functionsOf(procedure: Procedure, alreadyReserved = false): PlatformFunction[] {
  switch (procedure) {
    case 'reservation':
      return ['reservation'];
    case 'application':
      return ['application'];
    case 'both':
      return alreadyReserved ? ['application'] : ['reservation', 'application'];
    case 'inquiry':
      return [];
  }
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Everything wrong with a case's combination of fields, so that a whole past case can be logged in one call and
 * refused with every field at fault at once. Empty when the case is consistent.
 */
export function caseRecordProblems(
  c: CaseRecordFacts,
  now: Date = new Date(),
  certWaitHours: number = DEFAULT_CERT_WAIT_HOURS,
): CaseRecordProblem[] {
  const problems: CaseRecordProblem[] = [];
  const add = (field: keyof CaseRecordFacts, ja: string, en: string) => problems.push({ field, message: { ja, en } });
  const finished = c.status === 'completed' || c.status === 'not_completed' || c.status === 'left';
  const served = c.status !== 'waiting' && c.status !== 'left';

  // A few minutes of grace for the clocks of the counter's terminals.
  if (ms(c.arrivedAt) > now.getTime() + 5 * 60_000) {
    add('arrivedAt', '受付日時が未来になっています。', 'arrivedAt is in the future.');
  }
  if (served && !c.startedAt)
    add('startedAt', '対応開始日時を入力してください。', 'startedAt is required once service has started.');
  if (!served && c.startedAt) {
    add('startedAt', 'この状況では対応開始日時は入力できません。', `startedAt must be empty for a ${c.status} case.`);
  }
  if (finished && !c.endedAt)
    add('endedAt', '終了日時を入力してください。', `endedAt is required for a ${c.status} case.`);
  if (!finished && c.endedAt) {
    add('endedAt', 'この状況では終了日時は入力できません。', `endedAt must be empty for a ${c.status} case.`);
  }
  if (c.startedAt && ms(c.startedAt) < ms(c.arrivedAt)) {
    add('startedAt', '対応開始日時が受付日時より前になっています。', 'startedAt must not be before arrivedAt.');
  }
  const endFloor = c.startedAt ?? c.arrivedAt;
  if (c.endedAt && ms(c.endedAt) < ms(endFloor)) {
    add(
      'endedAt',
      c.startedAt ? '終了日時が対応開始日時より前になっています。' : '終了日時が受付日時より前になっています。',
      c.startedAt ? 'endedAt must not be before startedAt.' : 'endedAt must not be before arrivedAt.',
    );
  }

  if (c.status === 'not_completed' && !c.reason) {
    add('reason', '未完了の理由を選んでください。', 'reason is required for a not_completed case.');
  }
  if (c.status !== 'not_completed' && c.reason) {
    add('reason', '理由は未完了のケースにだけ入力します。', 'reason is only for a not_completed case.');
  }
  if (c.reason === 'other' && !c.note?.trim()) {
    add('note', '理由が「その他」のときはメモに内容を書いてください。', "note is required when the reason is 'other'.");
  }
  if (c.note && containsMyNumber(c.note)) add('note', MY_NUMBER_REFUSAL.ja, MY_NUMBER_REFUSAL.en);
  if (c.certRenewedAt) certRenewalProblems(c, c.certRenewedAt, now, certWaitHours).forEach((p) => problems.push(p));

  const possible = functionsOf(c.procedure, false);
  const stray = c.completed.filter((f) => !possible.includes(f));
  if (stray.length) {
    add(
      'completed',
      '手続の種類に含まれない完了項目があります。',
      `completed has steps outside the procedure: ${stray.join(', ')}.`,
    );
  }
  if (new Set(c.completed).size !== c.completed.length)
    add('completed', '完了項目が重複しています。', 'completed repeats a step.');
  if (c.status === 'completed') {
    const expected = functionsOf(c.procedure, c.alreadyReserved);
    const missing = expected.filter((f) => !c.completed.includes(f));
    if (missing.length && !stray.length) {
      add(
        'completed',
        '完了した手続(予約・申込み)を選んでください。一部だけの場合は「未完了」にして理由を選びます。',
        `completed lacks ${missing.join(', ')}; record a partial result as not_completed with a reason.`,
      );
    }
    if (c.alreadyReserved && c.completed.includes('reservation')) {
      add(
        'alreadyReserved',
        '予約済みの方の予約は完了項目に含めません。',
        'an already reserved citizen cannot complete a reservation.',
      );
    }
  } else if (c.status !== 'not_completed' && c.completed.length) {
    add(
      'completed',
      '完了項目は完了・未完了のケースにだけ入力します。',
      `completed must be empty for a ${c.status} case.`,
    );
  }
  if (c.alreadyReserved && (c.procedure === 'reservation' || c.procedure === 'inquiry')) {
    add(
      'alreadyReserved',
      '予約済みは申込みの手続にだけ指定します。',
      'alreadyReserved applies only to application or both.',
    );
  }
  // The application links the MyKey ID to one chosen service, so a completed one must say which.
  if (c.completed.includes('application') && c.paymentServiceId === null) {
    add(
      'paymentServiceId',
      '申込みが完了したときは決済サービスを選んでください。',
      'paymentServiceId is required once an application is completed.',
    );
  }
  if (c.procedure === 'reservation' && c.paymentServiceId !== null) {
    add(
      'paymentServiceId',
      '予約だけの手続では決済サービスは選びません。',
      'a reservation alone has no payment service.',
    );
  }

  // Seed: 「15歳未満の場合を除き、ご本人不在の申込み手続きは認められておりません」.
  if (c.status === 'completed' && c.representative === 'legal_representative' && c.ageBand !== 'under15') {
    add(
      'representative',
      '法定代理人による手続は本人が15歳未満の場合だけです。',
      'a legal representative may act only for a holder under 15.',
    );
  }
  return problems;
}

/** The renewal must be the reason's, already done by the end of the visit, and recent enough to still hold it up. */
function certRenewalProblems(c: CaseRecordFacts, renewedAt: string, now: Date, waitHours: number): CaseRecordProblem[] {
  const problem = (ja: string, en: string): CaseRecordProblem[] => [{ field: 'certRenewedAt', message: { ja, en } }];
  if (c.reason !== 'cert_wait_24h') {
    return problem(
      '電子証明書の更新日時は、理由が「電子証明書の更新・発行から24時間未経過」のときだけ入力します。',
      'certRenewedAt is only for the reason cert_wait_24h.',
    );
  }
  const renewed = ms(renewedAt);
  if (renewed > Math.min(now.getTime() + 5 * 60_000, c.endedAt ? ms(c.endedAt) : Infinity)) {
    return problem(
      '電子証明書の更新日時が、この来庁の終了より後になっています。',
      'certRenewedAt must not be after the end of the visit.',
    );
  }
  if (renewed + waitHours * 3_600_000 <= ms(c.startedAt ?? c.arrivedAt)) {
    return problem(
      `その更新日時からは、対応開始までに${waitHours}時間が経過しています。更新日時を確かめてください。`,
      `${waitHours} hours had already passed since certRenewedAt when service started.`,
    );
  }
  return [];
}
