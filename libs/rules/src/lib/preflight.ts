import type { DateTime } from 'luxon';
import {
  type Labelled,
  type OutageSystem,
  type PlatformFunction,
  REASONS,
  type ReasonCode,
  type ReferralPlace,
} from '@madoguchi/contracts';
import { mayApply } from './applicant';
import { type DeskCalendarSettings, deskHoursOn, deskOpeningAt, FY2020_MYNAPOINT, nextOpeningAt } from './calendar';
import { certificateRenewableFrom, DEFAULT_CERT_WAIT_HOURS, earliestAfterCertificateChange } from './certificate';
import { calendarForFunctions, FY2020_PROGRAMME_WINDOWS, type ProgrammeWindows } from './programme';
import { formatDateEn, formatDateJa, formatDateTimeEn, formatDateTimeJa, formatTime } from './format';
import { type OutageWindow, outagesStartingBetween, outagesStopping, resumptionAfter } from './outages';
import { paymentServiceBlockers } from './payment-service';
import { assertDate, laterOf, toTokyo, toUtcIso } from './time';

export interface PreflightSituation {
  /** The instant the citizen would be at the desk (UTC ISO). */
  at: string;
  procedure: 'reservation' | 'application' | 'both';
  holderAge: number;
  holderPresent: boolean;
  hasCard: boolean;
  certificate: {
    status: 'valid' | 'expired' | 'not_issued';
    issuedOrRenewedAt?: string | null;
    /** Last valid day ('YYYY-MM-DD') when known; it beats a `valid` status once passed. */
    validUntil?: string | null;
  };
  pin: 'known' | 'forgotten' | 'locked';
  /** The citizen already has a MyKey ID. */
  alreadyReserved: boolean;
  paymentService?: {
    id: number;
    name: string;
    appliesAtSpot: boolean;
    requiresPreRegistration: boolean;
    requiredItems: string[];
  } | null;
  serviceItemsReady?: boolean;
  serviceRegistrationDone?: boolean;
}

export interface PreflightContext {
  /** Known outages, past, current and announced. */
  outages: OutageWindow[];
  /** The desk's own calendar, over every procedure it supports. */
  calendar?: DeskCalendarSettings;
  /** The support window of each procedure; a procedure is checked only against the windows of what it needs. */
  windows?: ProgrammeWindows;
  certWaitHours?: number;
}

export type PreflightCode = ReasonCode | 'desk_closed' | 'programme_closed';

/**
 * One thing standing in the way (a blocker) or worth knowing (a warning).
 * Warnings reuse the code of their subject: `desk_closed` for closing time, `platform_maintenance` for an announced
 * outage, `cert_expired` for an expiry coming, `service_items_missing` for a service still to choose.
 */
export interface PreflightIssue {
  code: PreflightCode;
  message: { ja: string; en: string };
  referTo: ReferralPlace | null;
  /** For a blocker: when it stops applying by itself; null when it will not, or not at a known time. */
  until: string | null;
}

export interface PreflightResult {
  canProceedNow: boolean;
  /** Most fundamental first: the programme, then what the citizen must fix, then what time will fix. */
  blockers: PreflightIssue[];
  warnings: PreflightIssue[];
  /**
   * The first instant ≥ `at` when the desk is open, the certificate wait is over and no known outage stops a needed
   * function; null exactly when some blocker has `until: null` (the citizen must act, the programme is over, or an
   * outage has no announced end).
   */
  earliestAt: string | null;
}

/** Warn when less than this is left before closing at the earliest instant. */
export const CLOSING_SOON_MINUTES = 30;

/** The platform functions a procedure needs; a citizen who already has a MyKey ID needs no reservation. */
export function neededFunctions(
  procedure: PreflightSituation['procedure'],
  alreadyReserved: boolean,
): PlatformFunction[] {
  const needed: PlatformFunction[] = [];
  if (procedure !== 'application' && !alreadyReserved) needed.push('reservation');
  if (procedure !== 'reservation') needed.push('application');
  return needed;
}

/** Whether the citizen can do the procedure at the desk at `s.at`, what stands in the way and the earliest instant. */
export function preflight(s: PreflightSituation, ctx: PreflightContext): PreflightResult {
  const at = toTokyo(s.at);
  const atIso = toUtcIso(at);
  const atDate = at.toISODate();
  const waitHours = ctx.certWaitHours ?? DEFAULT_CERT_WAIT_HOURS;
  const needed = neededFunctions(s.procedure, s.alreadyReserved);
  const calendar = calendarForFunctions(
    ctx.calendar ?? FY2020_MYNAPOINT,
    ctx.windows ?? FY2020_PROGRAMME_WINDOWS,
    needed,
  );
  const validUntil = s.certificate.validUntil ? assertDate(s.certificate.validUntil) : null;
  const programmeEnd = assertDate(calendar.programmeEnd);
  const blockers: PreflightIssue[] = [];
  const warnings: PreflightIssue[] = [];
  const has = (code: PreflightCode) => blockers.some((b) => b.code === code);

  const nextOpen = nextOpeningAt(at, calendar);
  if (nextOpen === null) {
    blockers.push(atDate > programmeEnd ? messages.programmeEnded(programmeEnd) : messages.noOpeningLeft(programmeEnd));
  }

  if (!mayApply({ holderAge: s.holderAge, holderPresent: s.holderPresent })) {
    blockers.push(messages.proxyNotAllowed());
  }
  if (!s.hasCard) {
    blockers.push(messages.cardNotBrought());
  }
  if (s.certificate.status === 'not_issued') {
    blockers.push(messages.certNotIssued(waitHours));
  } else if (s.certificate.status === 'expired' || (validUntil !== null && atDate > validUntil)) {
    blockers.push(messages.certExpired(waitHours));
  }
  if (s.pin === 'locked') {
    blockers.push(messages.pinLocked());
  } else if (s.pin === 'forgotten') {
    blockers.push(messages.pinForgotten());
  }

  if (s.procedure !== 'reservation') {
    const service = s.paymentService;
    if (service) {
      const readiness = { itemsReady: s.serviceItemsReady, registrationDone: s.serviceRegistrationDone };
      for (const reason of paymentServiceBlockers(service, readiness)) {
        blockers.push(messages.service(reason, service.name, service.requiredItems));
      }
    } else {
      warnings.push(messages.serviceToChoose());
    }
  }

  const waitEnd =
    s.certificate.status === 'valid' && s.certificate.issuedOrRenewedAt
      ? toTokyo(earliestAfterCertificateChange(s.certificate.issuedOrRenewedAt, waitHours))
      : null;
  if (waitEnd !== null && at < waitEnd) {
    // The wait may end at night or on a closed day: the message names the desk's next opening after it instead.
    blockers.push(messages.certWait(waitHours, nextOpeningAt(waitEnd, calendar)));
  }

  const stoppingNow = outagesStopping(at, ctx.outages, needed);
  const firstStopping = stoppingNow[0];
  if (firstStopping) {
    const resumption = resumptionAfter(at, ctx.outages, needed);
    const stopped = needed.filter((fn) => stoppingNow.some((o) => o.affects.includes(fn)));
    const resumesAt = 'resumesAt' in resumption ? resumption.resumesAt : null;
    blockers.push(
      messages.maintenanceNow(
        firstStopping.system,
        stopped,
        resumesAt !== null,
        resumesAt && nextOpeningAt(resumesAt, calendar),
      ),
    );
  }

  if (nextOpen !== null && nextOpen !== atIso) {
    blockers.push(messages.deskClosed(atIso, nextOpen, calendar, needed));
  }

  const found = searchEarliest(waitEnd === null ? at : laterOf(at, waitEnd), ctx.outages, needed, calendar);
  if ('blockedBy' in found && !blockers.some((b) => b.code === 'platform_maintenance' && b.until === null)) {
    const outage = found.blockedBy;
    blockers.push(
      messages.maintenanceWithoutEnd(
        outage.system,
        needed.filter((fn) => outage.affects.includes(fn)),
        outage.startsAt,
      ),
    );
  }
  if ('programmeOver' in found && !has('programme_closed')) {
    blockers.push(messages.noTimeLeft(programmeEnd));
  }
  if ('at' in found && validUntil !== null && toTokyo(found.at).toISODate() > validUntil && !has('cert_expired')) {
    blockers.push(messages.certExpiresFirst(validUntil, found.at, waitHours));
  }

  const earliestAt = 'at' in found && !blockers.some((b) => b.until === null) ? found.at : null;

  if (earliestAt !== null) {
    const opening = deskOpeningAt(earliestAt, calendar);
    if (opening !== null) {
      const minutesLeft = (Date.parse(opening.closesAt) - Date.parse(earliestAt)) / 60_000;
      if (minutesLeft < CLOSING_SOON_MINUTES) {
        warnings.push(messages.closingSoon(opening.closesAt));
      }
      for (const outage of outagesStartingBetween(earliestAt, opening.closesAt, ctx.outages, needed)) {
        warnings.push(
          messages.maintenanceAhead(
            outage,
            needed.filter((fn) => outage.affects.includes(fn)),
          ),
        );
      }
    }
  }
  if (validUntil !== null && !has('cert_expired') && s.certificate.status === 'valid') {
    if (atDate >= certificateRenewableFrom(validUntil)) {
      warnings.push(messages.certExpiring(validUntil, waitHours));
    }
  }

  return { canProceedNow: blockers.length === 0, blockers: sortByWeight(blockers), warnings, earliestAt };
}

type Search = { at: string } | { programmeOver: true } | { blockedBy: OutageWindow };

/** Alternates desk openings and outage ends until both agree; each round leaves an outage behind, so it ends. */
function searchEarliest(
  from: DateTime<true>,
  outages: readonly OutageWindow[],
  needed: readonly PlatformFunction[],
  calendar: DeskCalendarSettings,
): Search {
  let t: string = toUtcIso(from);
  for (let round = 0; round <= outages.length + 1; round++) {
    const open = nextOpeningAt(t, calendar);
    if (open === null) {
      return { programmeOver: true };
    }
    const resumption = resumptionAfter(open, outages, needed);
    if ('blockedBy' in resumption) {
      return { blockedBy: resumption.blockedBy };
    }
    if (resumption.resumesAt === open) {
      return { at: open };
    }
    t = resumption.resumesAt;
  }
  throw new Error('Unreachable: the earliest-instant search outlived every outage');
}

const ORDER: readonly PreflightCode[] = [
  'programme_closed',
  'proxy_not_allowed',
  'card_not_brought',
  'cert_not_issued',
  'cert_expired',
  'pin_locked',
  'pin_forgotten',
  'service_not_at_spot',
  'service_prereg_required',
  'service_items_missing',
  'cert_wait_24h',
  'platform_maintenance',
  'desk_closed',
];

function sortByWeight(issues: PreflightIssue[]): PreflightIssue[] {
  const weight = (code: PreflightCode) => {
    const i = ORDER.indexOf(code);
    return i === -1 ? ORDER.length : i;
  };
  return [...issues].sort((a, b) => weight(a.code) - weight(b.code));
}

function issue(code: PreflightCode, ja: string, en: string, until: string | null = null): PreflightIssue {
  const referTo = code === 'desk_closed' || code === 'programme_closed' ? null : REASONS[code].referTo;
  return { code, message: { ja, en }, referTo, until };
}

const SYSTEM_NAMES: Readonly<Record<OutageSystem, Labelled>> = {
  mykey_platform: { ja: 'マイキープラットフォーム', en: 'MyKey Platform' },
  payment_service: { ja: '決済サービスのシステム', en: "payment service's system" },
  terminal: { ja: '窓口の端末', en: "desk's terminal" },
};

const FUNCTION_NAMES: Readonly<Record<PlatformFunction, Labelled>> = {
  reservation: { ja: '予約(マイキーID設定)', en: 'reservation (MyKey ID setting)' },
  application: { ja: '申込み', en: 'application' },
};

const CLOSED_REASONS_JA = {
  weekend: '日曜日のため',
  holiday: '祝日のため',
  year_end: '年末年始(12月29日〜1月3日)のため',
  saturday_off: '第2・第4土曜日以外の土曜日のため',
  outside_programme: '手続き支援の実施期間外のため',
  local_closure: '臨時休業のため',
} as const;

const CLOSED_REASONS_EN = {
  weekend: 'it is a Sunday',
  holiday: 'it is a national holiday',
  year_end: 'of the year-end closure (29 Dec – 3 Jan)',
  saturday_off: 'it is not a 2nd or 4th Saturday',
  outside_programme: 'it is outside the support period',
  local_closure: 'of a special closure',
} as const;

function systemName(system: OutageSystem | undefined): Labelled {
  return SYSTEM_NAMES[system ?? 'mykey_platform'];
}

function functionNames(functions: readonly PlatformFunction[]): Labelled {
  return {
    ja: functions.map((fn) => FUNCTION_NAMES[fn].ja).join('と'),
    en: functions.map((fn) => FUNCTION_NAMES[fn].en).join(' and '),
  };
}

const messages = {
  programmeEnded: (end: string) =>
    issue(
      'programme_closed',
      `手続き支援の実施期間は${formatDateJa(end)}で終了しました。`,
      `The desk's support period ended on ${formatDateEn(end)}.`,
    ),
  noOpeningLeft: (end: string) =>
    issue(
      'programme_closed',
      `手続き支援の実施期間(${formatDateJa(end)}まで)中に、窓口が開く日はもうありません。`,
      `The desk does not open again before its support period ends (${formatDateEn(end)}).`,
    ),
  noTimeLeft: (end: string) =>
    issue(
      'programme_closed',
      `手続き支援の実施期間(${formatDateJa(end)}まで)中に、お手続きいただける受付時間が残っていません。`,
      `No desk hours at which the procedure could be done remain before the support period ends (${formatDateEn(end)}).`,
    ),
  proxyNotAllowed: () =>
    issue(
      'proxy_not_allowed',
      '15歳未満の場合を除き、ご本人不在の申込み手続きは認められておりません。カードをお持ちのご本人がお越しください。',
      'Except for holders under 15, the procedure cannot be done without the card holder: the holder must come in person.',
    ),
  cardNotBrought: () =>
    issue(
      'card_not_brought',
      'マイナンバーカードがないとお手続きできません。カードをお持ちください。',
      'The procedure cannot be done without the My Number card: please bring it.',
    ),
  certNotIssued: (hours: number) =>
    issue(
      'cert_not_issued',
      `マイナンバーカードに利用者証明用電子証明書が発行されていません。市民課で発行を受け、${hours}時間経過してからお越しください。`,
      `The card has no user-authentication certificate. Have it issued at the Citizens Division and come back ${hours} hours later.`,
    ),
  certExpired: (hours: number) =>
    issue(
      'cert_expired',
      `電子証明書の有効期限が切れています。市民課で更新し、${hours}時間経過してからお越しください。`,
      `The electronic certificate has expired. Renew it at the Citizens Division and come back ${hours} hours later.`,
    ),
  certExpiresFirst: (validUntil: string, earliest: string, hours: number) =>
    issue(
      'cert_expired',
      `電子証明書の有効期限(${formatDateJa(validUntil)})が、次にお手続きいただける${formatDateTimeJa(earliest)}より前に切れます。市民課で更新し、${hours}時間経過してからお越しください。`,
      `The electronic certificate expires (${formatDateEn(validUntil)}) before the next possible time (${formatDateTimeEn(earliest)}). Renew it at the Citizens Division and come back ${hours} hours later.`,
    ),
  certExpiring: (validUntil: string, hours: number) =>
    issue(
      'cert_expired',
      `電子証明書の有効期限は${formatDateJa(validUntil)}です。更新される場合は、更新前にマイナポイントのお手続きを済ませるか、更新から${hours}時間経過後にお手続きください。`,
      `The electronic certificate expires on ${formatDateEn(validUntil)}. If you renew it, do the Mynapoint procedure before renewing, or ${hours} hours after.`,
    ),
  certWait: (hours: number, until: string | null) =>
    issue(
      'cert_wait_24h',
      `電子証明書の更新・発行から${hours}時間が経過していません。` +
        (until ? `窓口では${formatDateTimeJa(until)}以降にお手続きいただけます。` : ''),
      `Less than ${hours} hours have passed since the electronic certificate was renewed or issued.` +
        (until ? ` The desk can help from ${formatDateTimeEn(until)}.` : ''),
      until,
    ),
  pinLocked: () =>
    issue(
      'pin_locked',
      '暗証番号がロックされています。市民課で初期化してから再度お越しください。',
      'The PIN is locked. Have it reset at the Citizens Division, then come back.',
    ),
  pinForgotten: () =>
    issue(
      'pin_forgotten',
      '暗証番号(4桁)がお分かりにならない場合は、市民課で再設定してから再度お越しください。',
      'If you do not remember the 4-digit PIN, have it reset at the Citizens Division, then come back.',
    ),
  service: (reason: ReturnType<typeof paymentServiceBlockers>[number], name: string, items: readonly string[]) => {
    switch (reason) {
      case 'service_not_at_spot':
        return issue(
          reason,
          `「${name}」は手続スポットからの申込みに対応していないため、市役所の端末では申し込めません。ご自身のスマートフォン等でお申し込みいただくか、手続スポットから申し込める決済サービスをお選びください。`,
          `“${name}” cannot be applied for from a procedure spot, so the city's terminal cannot apply for it. Apply with your own smartphone or PC, or choose a service that accepts applications from a procedure spot.`,
        );
      case 'service_prereg_required':
        return issue(
          reason,
          `「${name}」は、事前にご自身でWEB利用者登録等を済ませる必要があります(市役所では支援できません)。登録を済ませてからお越しください。`,
          `“${name}” needs your own prior registration (e.g. on its website), which the city cannot help with. Finish it before coming.`,
        );
      case 'service_items_missing':
        return issue(
          reason,
          `「${name}」の申込みに必要なもの(${items.join('、')})をそろえてお越しください。`,
          `Bring what “${name}” requires for the application (${items.join(', ')}).`,
        );
    }
  },
  serviceToChoose: () =>
    issue(
      'service_items_missing',
      '申込みには、お選びになる決済サービスが指定するものが必要です。事前にマイナポイント事業サイトでご確認ください。',
      'An application needs whatever the chosen payment service requires: check it on the Mynapoint website before coming.',
    ),
  maintenanceNow: (
    system: OutageSystem | undefined,
    functions: readonly PlatformFunction[],
    endKnown: boolean,
    until: string | null,
  ) => {
    const sys = systemName(system);
    const fns = functionNames(functions);
    // `until` is the desk's first opening after the announced end, so the text never names a closed hour.
    const after = {
      ja: until ? `再開後、窓口では${formatDateTimeJa(until)}からお手続きいただけます。` : '',
      en: until ? ` Once it is back, the desk can help from ${formatDateTimeEn(until)}.` : '',
    };
    return issue(
      'platform_maintenance',
      `${sys.ja}のメンテナンス中のため、${fns.ja}ができません。` + (endKnown ? after.ja : '再開時刻は未定です。'),
      `The ${sys.en} is under maintenance, so ${fns.en} cannot be done.` +
        (endKnown ? after.en : ' No end has been announced.'),
      until,
    );
  },
  maintenanceWithoutEnd: (
    system: OutageSystem | undefined,
    functions: readonly PlatformFunction[],
    startsAt: string,
  ) => {
    const sys = systemName(system);
    const fns = functionNames(functions);
    return issue(
      'platform_maintenance',
      `${formatDateTimeJa(startsAt)}から${sys.ja}のメンテナンスで${fns.ja}ができなくなり、再開時刻が未定のため、お手続きいただける日時をお示しできません。`,
      `From ${formatDateTimeEn(startsAt)} maintenance of the ${sys.en} stops ${fns.en} with no announced end, so no time can be promised.`,
    );
  },
  maintenanceAhead: (outage: OutageWindow, functions: readonly PlatformFunction[]) => {
    const sys = systemName(outage.system);
    const fns = functionNames(functions);
    return issue(
      'platform_maintenance',
      `${formatDateTimeJa(outage.startsAt)}から${sys.ja}のメンテナンスが予定されており、${fns.ja}ができなくなります。お早めにお越しください。`,
      `Maintenance of the ${sys.en} is planned from ${formatDateTimeEn(outage.startsAt)}; ${fns.en} will not be possible then. Please come early.`,
      outage.endsAt === null ? null : toUtcIso(outage.endsAt),
    );
  },
  closingSoon: (closesAt: string) =>
    issue(
      'desk_closed',
      `受付終了(${formatTime(closesAt)})まで${CLOSING_SOON_MINUTES}分を切っています。お手続きに時間がかかると、その日のうちに完了できないことがあります。`,
      `Less than ${CLOSING_SOON_MINUTES} minutes remain before the desk closes at ${formatTime(closesAt)}; the procedure may not be finished that day.`,
    ),
  deskClosed: (at: string, nextOpen: string, calendar: DeskCalendarSettings, needed: readonly PlatformFunction[]) => {
    const day = deskHoursOn(toTokyo(at).toISODate(), calendar);
    const next = {
      ja: `次の受付は${formatDateTimeJa(nextOpen)}からです。`,
      en: `It next opens on ${formatDateTimeEn(nextOpen)}.`,
    };
    if (day.closedReason === 'outside_programme' && day.date < calendar.programmeStart && needed.length > 0) {
      const fns = functionNames(needed);
      return issue(
        'desk_closed',
        `窓口での${fns.ja}の支援は${formatDateJa(calendar.programmeStart)}からです。${next.ja}`,
        `The desk supports ${fns.en} from ${formatDateEn(calendar.programmeStart)}. ${next.en}`,
        nextOpen,
      );
    }
    if (!day.open && day.closedReason) {
      const why = {
        ja:
          day.closedReason === 'holiday' && day.holidayName
            ? `祝日(${day.holidayName})のため`
            : CLOSED_REASONS_JA[day.closedReason],
        en: CLOSED_REASONS_EN[day.closedReason],
      };
      return issue(
        'desk_closed',
        `${formatDateJa(day.date)}は${why.ja}、窓口での受付はありません。${next.ja}`,
        `The desk is closed on ${formatDateEn(day.date)} because ${why.en}. ${next.en}`,
        nextOpen,
      );
    }
    const hours = day.hours.map((h) => `${formatClock(h.from)}〜${formatClock(h.to)}`).join('、');
    const hoursEn = day.hours.map((h) => `${formatClock(h.from)}–${formatClock(h.to)}`).join(', ');
    return issue(
      'desk_closed',
      `受付時間外です(${formatDateJa(day.date)}の受付は${hours})。${next.ja}`,
      `The desk is closed at this hour (open ${hoursEn} on ${formatDateEn(day.date)}). ${next.en}`,
      nextOpen,
    );
  },
};

/** '08:30' → '8:30', as staff write times. */
function formatClock(clock: string): string {
  return clock.replace(/^0(\d)/, '$1');
}
