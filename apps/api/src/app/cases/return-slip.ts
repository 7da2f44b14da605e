import {
  type Labelled,
  PROCEDURE_LABELS,
  type Procedure,
  REASONS,
  type ReasonCode,
  REFERRAL_LABELS,
  type ReturnSlip,
} from '@madoguchi/contracts';
import {
  type DeskCalendarSettings,
  formatDateTimeEn,
  formatDateTimeJa,
  functionsOf,
  type OutageWindow,
  type PaymentServiceRules,
  preflight,
  type PreflightIssue,
  type PreflightSituation,
  type ProgrammeWindows,
} from '@madoguchi/rules';

export interface SlipCase {
  id: number;
  followUpCode: string;
  siteName: string;
  procedure: Procedure;
  alreadyReserved: boolean;
  endedAt: string;
  /** When 市民課 renewed the certificate, recorded at the visit for `cert_wait_24h`. */
  certRenewedAt: string | null;
  reason: ReasonCode;
  paymentService: (PaymentServiceRules & { id: number; name: string }) | null;
}

export interface SlipContext {
  /** Outages going on at or after the end of the case, as they concern this case. */
  outages: OutageWindow[];
  calendar: DeskCalendarSettings;
  windows?: ProgrammeWindows;
  certWaitHours: number;
}

type Service = NonNullable<PreflightSituation['paymentService']>;

/** For a service reason without a service on record the rules have nothing to name, so the slip says it plainly. */
const SERVICE_ADVICE_WITHOUT_SERVICE: Partial<Record<ReasonCode, Labelled>> = {
  service_not_at_spot: {
    ja: 'お選びの決済サービスは市役所の端末から申し込めません。ご自身のスマートフォン等でお申し込みいただくか、手続スポットから申し込める決済サービスをお選びください。',
    en: "The chosen payment service cannot be applied for on the city's terminal. Apply with your own smartphone or PC, or choose a service that accepts applications from a procedure spot.",
  },
  service_prereg_required: {
    ja: 'お選びの決済サービスの事前登録(WEB利用者登録等)をご自身で済ませてからお越しください(市役所では支援できません)。',
    en: "Finish the chosen payment service's own prior registration (e.g. on its website) before coming; the city cannot help with it.",
  },
  service_items_missing: {
    ja: 'お選びの決済サービスの申込みに必要なものをそろえてお越しください。',
    en: 'Bring what the chosen payment service requires for the application.',
  },
};

const CARD: Labelled = { ja: 'マイナンバーカード', en: 'My Number card' };
const PIN: Labelled = {
  ja: '利用者証明用電子証明書の暗証番号(数字4桁)を覚えておいてください(メモは不要です)',
  en: 'Know the 4-digit PIN of the user-authentication certificate (no need to write it down)',
};
const HOLDER: Labelled = {
  ja: 'カードをお持ちのご本人(15歳未満の方は法定代理人と一緒に)',
  en: 'The card holder in person (a holder under 15 with a legal representative)',
};
const SERVICE_ITEMS_UNKNOWN: Labelled = {
  ja: 'お選びになる決済サービスが指定するもの',
  en: 'Whatever the chosen payment service requires',
};

/**
 * The situation rebuilt from the reason. Seed: the wait runs 「市民課で手続きされた日時から24時間」, so it counts from
 * the renewal staff recorded; a case logged without one counts from the visit's end, which cannot promise too early.
 */
function situationFor(c: SlipCase): { situation: PreflightSituation; serviceKnown: boolean } {
  const service: Service | null = c.paymentService && {
    ...c.paymentService,
    requiredItems: [...c.paymentService.requiredItems],
  };
  const situation: PreflightSituation = {
    at: c.endedAt,
    // An inquiry has no platform step of its own; what it was about is checked as the whole procedure.
    procedure: c.procedure === 'inquiry' ? 'both' : c.procedure,
    holderAge: 40,
    holderPresent: true,
    hasCard: true,
    certificate: { status: 'valid', issuedOrRenewedAt: null },
    pin: 'known',
    alreadyReserved: c.alreadyReserved,
    paymentService: c.procedure === 'reservation' ? null : service,
    serviceItemsReady: true,
    serviceRegistrationDone: true,
  };
  const withService = (change: Partial<Service>) =>
    situation.paymentService ? { ...situation.paymentService, ...change } : null;
  switch (c.reason) {
    case 'cert_wait_24h':
      situation.certificate = { status: 'valid', issuedOrRenewedAt: c.certRenewedAt ?? c.endedAt };
      break;
    case 'cert_expired':
      situation.certificate = { status: 'expired' };
      break;
    case 'cert_not_issued':
      situation.certificate = { status: 'not_issued' };
      break;
    case 'pin_locked':
      situation.pin = 'locked';
      break;
    case 'pin_forgotten':
      situation.pin = 'forgotten';
      break;
    case 'proxy_not_allowed':
      situation.holderPresent = false;
      break;
    case 'card_not_brought':
      situation.hasCard = false;
      break;
    case 'service_not_at_spot':
      situation.paymentService = withService({ appliesAtSpot: false });
      break;
    case 'service_prereg_required':
      situation.paymentService = withService({ requiresPreRegistration: true });
      situation.serviceRegistrationDone = false;
      break;
    case 'service_items_missing':
      situation.serviceItemsReady = false;
      break;
    case 'platform_maintenance':
    case 'terminal_fault':
    case 'payment_service_down':
    case 'other':
      // Recorded outages (passed in the context) and the calendar decide.
      break;
  }
  return { situation, serviceKnown: situation.paymentService !== null };
}

function comeBack(c: SlipCase, earliestAt: string | null, blockers: PreflightIssue[]): Labelled {
  if (earliestAt) {
    return {
      ja: `${formatDateTimeJa(earliestAt)}以降の受付時間内にお越しください。`,
      en: `Come back during desk hours from ${formatDateTimeEn(earliestAt)}.`,
    };
  }
  const programme = blockers.find((b) => b.code === 'programme_closed');
  if (programme) return programme.message;
  const referTo = REASONS[c.reason].referTo;
  if (REASONS[c.reason].needsCitizenAction || blockers.some((b) => b.referTo !== null)) {
    const place = referTo ? REFERRAL_LABELS[referTo] : null;
    return place
      ? {
          ja: `先に${place.ja}でお手続きのうえ、受付時間内にお越しください。`,
          en: `First see ${place.en}, then come back during desk hours.`,
        }
      : {
          ja: '上記をお済ませのうえ、受付時間内にお越しください。',
          en: 'Once the above is done, come back during desk hours.',
        };
  }
  return {
    ja: 'メンテナンスの終了後、受付時間内にお越しください(終了時刻は未定です)。',
    en: 'Come back during desk hours once the maintenance is over (no end has been announced).',
  };
}

function toBring(c: SlipCase): Labelled[] {
  const items: Labelled[] = [CARD, PIN];
  if (c.reason === 'proxy_not_allowed') items.push(HOLDER);
  const applies = c.procedure === 'inquiry' || functionsOf(c.procedure, c.alreadyReserved).includes('application');
  if (applies && c.procedure !== 'reservation') {
    const listed = c.paymentService?.requiredItems ?? [];
    // Catalogue items are written in Japanese only; the English slip repeats them as they are.
    items.push(...(listed.length ? listed.map((item) => ({ ja: item, en: item })) : [SERVICE_ITEMS_UNKNOWN]));
  }
  return items;
}

/** Everything a printed return slip says, from the reason, the payment service, the calendar and recorded outages. */
export function buildReturnSlip(c: SlipCase, ctx: SlipContext): ReturnSlip {
  const { situation, serviceKnown } = situationFor(c);
  const result = preflight(situation, {
    outages: ctx.outages,
    calendar: ctx.calendar,
    windows: ctx.windows,
    certWaitHours: ctx.certWaitHours,
  });
  // Closed at the end of the visit says nothing useful: the earliest instant already accounts for desk hours.
  const blockers = result.blockers.filter((b) => b.code !== 'desk_closed');
  const own = blockers.filter((b) => b.code === c.reason);
  const advice = [...own, ...blockers.filter((b) => b.code !== c.reason)].map((b) => b.message);
  const fallback = SERVICE_ADVICE_WITHOUT_SERVICE[c.reason];
  if (!own.length && !serviceKnown && fallback) advice.unshift(fallback);
  const referTo = REASONS[c.reason].referTo;
  const { ja, en } = REASONS[c.reason];
  return {
    caseId: c.id,
    followUpCode: c.followUpCode,
    siteName: c.siteName,
    procedure: c.procedure,
    procedureLabel: PROCEDURE_LABELS[c.procedure],
    endedAt: c.endedAt,
    certRenewedAt: c.reason === 'cert_wait_24h' ? c.certRenewedAt : null,
    reason: c.reason,
    reasonLabel: { ja, en },
    referTo,
    referToLabel: referTo ? REFERRAL_LABELS[referTo] : null,
    advice,
    toBring: toBring(c),
    paymentService: c.paymentService ? { id: c.paymentService.id, name: c.paymentService.name } : null,
    earliestReturnAt: result.earliestAt,
    comeBack: comeBack(c, result.earliestAt, blockers),
  };
}
