import { PLATFORM_FUNCTIONS, REASONS, type ReasonCode } from '@madoguchi/contracts';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { deskCalendar, FY2020_MYNAPOINT, isDeskOpenAt } from './calendar';
import { type OutageWindow, stoppedFunctionsAt } from './outages';
import {
  neededFunctions,
  preflight,
  type PreflightContext,
  type PreflightIssue,
  type PreflightResult,
  type PreflightSituation,
} from './preflight';
import { calendarForFunctions, FY2020_PROGRAMME_WINDOWS } from './programme';

/** A citizen with everything in order at 10:00 on Wednesday 2020-07-22. */
const ready = (over: Partial<PreflightSituation> = {}): PreflightSituation => ({
  at: '2020-07-22T10:00:00+09:00',
  procedure: 'both',
  holderAge: 40,
  holderPresent: true,
  hasCard: true,
  certificate: { status: 'valid', issuedOrRenewedAt: null },
  pin: 'known',
  alreadyReserved: false,
  paymentService: { id: 1, name: 'テストペイ', appliesAtSpot: true, requiresPreRegistration: false, requiredItems: [] },
  ...over,
});
const none: PreflightContext = { outages: [] };
/** The real maintenance: 2020-07-23 07:00 to 2020-07-24 00:30 JST, stopping MyKey ID setting. */
const JULY_23: OutageWindow = {
  startsAt: '2020-07-23T07:00:00+09:00',
  endsAt: '2020-07-24T00:30:00+09:00',
  affects: ['reservation'],
  system: 'mykey_platform',
};
const codes = (issues: PreflightIssue[]) => issues.map((i) => i.code);
const only = (result: PreflightResult, code: string) => {
  const found = result.blockers.filter((b) => b.code === code);
  expect(found).toHaveLength(1);
  const [blocker] = found;
  if (!blocker) throw new Error(`no ${code} blocker`);
  return blocker;
};

describe('preflight', () => {
  it('lets a prepared citizen proceed at once', () => {
    const result = preflight(ready(), none);
    expect(result).toEqual({ canProceedNow: true, blockers: [], warnings: [], earliestAt: '2020-07-22T01:00:00.000Z' });
  });

  describe('desk hours', () => {
    it('sends a citizen on Marine Day to the next opening, the 4th Saturday', () => {
      const result = preflight(ready({ at: '2020-07-23T10:00:00+09:00' }), none);
      expect(result.canProceedNow).toBe(false);
      const closed = only(result, 'desk_closed');
      expect(closed.until).toBe('2020-07-24T23:30:00.000Z');
      expect(closed.message.ja).toBe(
        '2020年7月23日(木)は祝日(海の日)のため、窓口での受付はありません。次の受付は2020年7月25日(土) 8:30からです。',
      );
      expect(closed.message.en).toContain('Sat 25 Jul 2020, 8:30');
      expect(result.earliestAt).toBe('2020-07-24T23:30:00.000Z');
    });

    it('explains a closed hour on an open day', () => {
      const result = preflight(ready({ at: '2020-07-25T12:00:00+09:00' }), none);
      expect(only(result, 'desk_closed').message.ja).toBe(
        '受付時間外です(2020年7月25日(土)の受付は8:30〜12:00)。次の受付は2020年7月27日(月) 8:30からです。',
      );
      expect(result.earliestAt).toBe('2020-07-26T23:30:00.000Z');
    });

    it('waits for application support to start on 2020-07-01, and says so', () => {
      const result = preflight(ready({ at: '2020-06-15T10:00:00+09:00' }), none);
      expect(codes(result.blockers)).toEqual(['desk_closed']);
      expect(result.blockers[0]?.message.ja).toBe(
        '窓口での予約(マイキーID設定)と申込みの支援は2020年7月1日(水)からです。次の受付は2020年7月1日(水) 8:30からです。',
      );
      expect(result.earliestAt).toBe('2020-06-30T23:30:00.000Z');
    });

    it('supports a reservation in June 2020: seed 「予約は現在受付中!申込みは7月以降順次可能です」', () => {
      const result = preflight(ready({ at: '2020-06-15T10:00:00+09:00', procedure: 'reservation' }), none);
      expect(result.canProceedNow).toBe(true);
    });

    it('keeps each procedure to the window given in the context', () => {
      const windows = {
        reservation: { from: '2020-06-01', to: '2021-12-31' },
        application: { from: '2020-07-01', to: '2021-12-31' },
      };
      const may = preflight(ready({ at: '2020-05-29T10:00:00+09:00', procedure: 'reservation' }), {
        outages: [],
        windows,
      });
      expect(may.blockers[0]?.message.ja).toContain('窓口での予約(マイキーID設定)の支援は2020年6月1日(月)からです。');
      expect(may.earliestAt).toBe('2020-05-31T23:30:00.000Z');
      const reserved = preflight(
        ready({ at: '2020-06-15T10:00:00+09:00', procedure: 'application', alreadyReserved: true }),
        { outages: [], windows },
      );
      expect(reserved.earliestAt).toBe('2020-06-30T23:30:00.000Z');
    });

    it('promises nothing once the programme is over', () => {
      const result = preflight(ready({ at: '2022-01-05T10:00:00+09:00' }), none);
      expect(codes(result.blockers)).toEqual(['programme_closed']);
      expect(result.blockers[0]?.message.ja).toBe('手続き支援の実施期間は2021年12月31日(金)で終了しました。');
      expect(result.earliestAt).toBeNull();
    });

    it('promises nothing after the last opening of the programme', () => {
      const result = preflight(ready({ at: '2021-12-28T17:00:00+09:00' }), none);
      expect(codes(result.blockers)).toEqual(['programme_closed']);
      expect(result.earliestAt).toBeNull();
    });

    it('warns when the desk closes within 30 minutes', () => {
      const result = preflight(ready({ at: '2020-07-22T16:45:00+09:00' }), none);
      expect(result.canProceedNow).toBe(true);
      expect(codes(result.warnings)).toEqual(['desk_closed']);
      expect(result.warnings[0]?.message.ja).toContain('受付終了(17:00)まで30分を切っています');
    });
  });

  describe('24-hour wait after a certificate change', () => {
    it('renewed Friday 2020-11-20 10:00: the wait ends on a closed 3rd Saturday, so the text names Tuesday', () => {
      const result = preflight(
        ready({
          at: '2020-11-20T15:00:00+09:00',
          certificate: { status: 'valid', issuedOrRenewedAt: '2020-11-20T01:00:00.000Z' },
        }),
        none,
      );
      expect(codes(result.blockers)).toEqual(['cert_wait_24h']);
      // Saturday 21 is a 3rd Saturday and Monday 23 is Labour Thanksgiving Day: Tuesday 24 at 8:30 is the next opening.
      expect(result.blockers[0]?.until).toBe('2020-11-23T23:30:00.000Z');
      expect(result.blockers[0]?.message.ja).toBe(
        '電子証明書の更新・発行から24時間が経過していません。窓口では2020年11月24日(火) 8:30以降にお手続きいただけます。',
      );
      expect(result.blockers[0]?.message.en).toContain('Tue 24 Nov 2020, 8:30');
      expect(result.earliestAt).toBe('2020-11-23T23:30:00.000Z');
    });

    it('renewed Friday 2020-11-13 10:00: the wait ends on a 2nd Saturday morning, when the desk is open', () => {
      const result = preflight(
        ready({
          at: '2020-11-13T15:00:00+09:00',
          certificate: { status: 'valid', issuedOrRenewedAt: '2020-11-13T10:00:00+09:00' },
        }),
        none,
      );
      expect(result.earliestAt).toBe('2020-11-14T01:00:00.000Z');
    });

    it('is over exactly 24 hours later', () => {
      const certificate = { status: 'valid' as const, issuedOrRenewedAt: '2020-07-21T10:00:00+09:00' };
      expect(preflight(ready({ certificate }), none).canProceedNow).toBe(true);
      const justBefore = preflight(ready({ at: '2020-07-22T09:59:59.999+09:00', certificate }), none);
      expect(codes(justBefore.blockers)).toEqual(['cert_wait_24h']);
      expect(justBefore.earliestAt).toBe('2020-07-22T01:00:00.000Z');
    });

    it('uses the wait of the context', () => {
      const certificate = { status: 'valid' as const, issuedOrRenewedAt: '2020-07-22T09:30:00+09:00' };
      const result = preflight(ready({ certificate }), { outages: [], certWaitHours: 1 });
      expect(result.earliestAt).toBe('2020-07-22T01:30:00.000Z');
      expect(result.blockers[0]?.message.ja).toContain('1時間が経過していません');
    });

    it('warns when the wait ends shortly before closing', () => {
      const certificate = { status: 'valid' as const, issuedOrRenewedAt: '2020-07-21T16:40:00+09:00' };
      const result = preflight(ready({ certificate }), none);
      expect(result.earliestAt).toBe('2020-07-22T07:40:00.000Z');
      expect(codes(result.warnings)).toEqual(['desk_closed']);
    });

    it('promises nothing when the wait ends after the last opening of the programme', () => {
      const certificate = { status: 'valid' as const, issuedOrRenewedAt: '2021-12-28T10:00:00+09:00' };
      const result = preflight(ready({ at: '2021-12-28T11:00:00+09:00', certificate }), none);
      expect(codes(result.blockers)).toEqual(['programme_closed', 'cert_wait_24h']);
      expect(result.earliestAt).toBeNull();
    });
  });

  describe('platform maintenance', () => {
    it('blocks a reservation during the real outage of 2020-07-23 and names its end', () => {
      const result = preflight(ready({ at: '2020-07-23T10:00:00+09:00' }), { outages: [JULY_23] });
      expect(codes(result.blockers)).toEqual(['platform_maintenance', 'desk_closed']);
      const maintenance = result.blockers[0];
      // It resumes at 0:30 on Sports Day (a holiday in 2020): the text names the 4th Saturday's opening instead.
      expect(maintenance?.until).toBe('2020-07-24T23:30:00.000Z');
      expect(maintenance?.message.ja).toBe(
        'マイキープラットフォームのメンテナンス中のため、予約(マイキーID設定)ができません。再開後、窓口では2020年7月25日(土) 8:30からお手続きいただけます。',
      );
      expect(result.earliestAt).toBe('2020-07-24T23:30:00.000Z');
    });

    it('does not block an application by a citizen already reserved', () => {
      const at = '2020-07-22T10:00:00+09:00';
      const outage = { ...JULY_23, startsAt: '2020-07-22T09:00:00+09:00' };
      const reserved = preflight(ready({ at, procedure: 'application', alreadyReserved: true }), { outages: [outage] });
      expect(reserved.canProceedNow).toBe(true);
      const both = preflight(ready({ at }), { outages: [outage] });
      expect(codes(both.blockers)).toEqual(['platform_maintenance']);
    });

    it('moves the earliest instant to the end of an outage within the hours', () => {
      const outage: OutageWindow = {
        startsAt: '2020-07-22T13:00:00+09:00',
        endsAt: '2020-07-22T15:00:00+09:00',
        affects: ['reservation'],
      };
      const during = preflight(ready({ at: '2020-07-22T13:30:00+09:00' }), { outages: [outage] });
      expect(during.earliestAt).toBe('2020-07-22T06:00:00.000Z');
      const before = preflight(ready({ at: '2020-07-22T12:00:00+09:00' }), { outages: [outage] });
      expect(before.canProceedNow).toBe(true);
      expect(codes(before.warnings)).toEqual(['platform_maintenance']);
      expect(before.warnings[0]?.message.ja).toContain(
        '2020年7月22日(水) 13:00からマイキープラットフォームのメンテナンス',
      );
      expect(before.warnings[0]?.until).toBe('2020-07-22T06:00:00.000Z');
    });

    it('promises nothing while an outage has no announced end', () => {
      const ongoing = { ...JULY_23, startsAt: '2020-07-22T09:00:00+09:00', endsAt: null };
      const result = preflight(ready(), { outages: [ongoing] });
      expect(codes(result.blockers)).toEqual(['platform_maintenance']);
      expect(result.blockers[0]?.until).toBeNull();
      expect(result.blockers[0]?.message.ja).toContain('再開時刻は未定です');
      expect(result.earliestAt).toBeNull();
    });

    it('promises nothing when an outage without an end starts before the next opening', () => {
      const announced = { ...JULY_23, startsAt: '2020-07-27T08:00:00+09:00', endsAt: null };
      const result = preflight(ready({ at: '2020-07-26T10:00:00+09:00' }), { outages: [announced] });
      expect(codes(result.blockers)).toEqual(['platform_maintenance', 'desk_closed']);
      expect(result.blockers[0]?.until).toBeNull();
      expect(result.earliestAt).toBeNull();
    });
  });

  describe('what the citizen must fix first', () => {
    it.each<[Partial<PreflightSituation>, ReasonCode, string]>([
      [{ pin: 'locked' }, 'pin_locked', '暗証番号がロックされています。市民課で初期化してから再度お越しください。'],
      [
        { pin: 'forgotten' },
        'pin_forgotten',
        '暗証番号(4桁)がお分かりにならない場合は、市民課で再設定してから再度お越しください。',
      ],
      [
        { certificate: { status: 'expired' } },
        'cert_expired',
        '電子証明書の有効期限が切れています。市民課で更新し、24時間経過してからお越しください。',
      ],
      [
        { certificate: { status: 'not_issued' } },
        'cert_not_issued',
        'マイナンバーカードに利用者証明用電子証明書が発行されていません。市民課で発行を受け、24時間経過してからお越しください。',
      ],
      [
        { hasCard: false },
        'card_not_brought',
        'マイナンバーカードがないとお手続きできません。カードをお持ちください。',
      ],
      [
        { holderPresent: false },
        'proxy_not_allowed',
        '15歳未満の場合を除き、ご本人不在の申込み手続きは認められておりません。カードをお持ちのご本人がお越しください。',
      ],
    ])('%j → %s', (over, code, ja) => {
      const result = preflight(ready(over), none);
      expect(result.blockers).toEqual([
        { code, message: { ja, en: expect.any(String) }, referTo: REASONS[code].referTo, until: null },
      ]);
      expect(result.canProceedNow).toBe(false);
      expect(result.earliestAt).toBeNull();
    });

    it('lets a legal representative act for a holder under 15', () => {
      expect(preflight(ready({ holderAge: 14, holderPresent: false }), none).canProceedNow).toBe(true);
      expect(codes(preflight(ready({ holderAge: 15, holderPresent: false }), none).blockers)).toEqual([
        'proxy_not_allowed',
      ]);
    });

    it('refers PIN and certificate problems to 市民課', () => {
      expect(only(preflight(ready({ pin: 'locked' }), none), 'pin_locked').referTo).toBe('citizens_division');
    });

    it('lists everything at once, the citizen’s own fixes before what time will fix', () => {
      const result = preflight(
        ready({ at: '2020-07-26T10:00:00+09:00', pin: 'locked', hasCard: false, holderPresent: false }),
        none,
      );
      expect(codes(result.blockers)).toEqual(['proxy_not_allowed', 'card_not_brought', 'pin_locked', 'desk_closed']);
      expect(result.earliestAt).toBeNull();
    });
  });

  describe('payment services', () => {
    const service = {
      id: 2,
      name: 'サンプルカード',
      appliesAtSpot: true,
      requiresPreRegistration: false,
      requiredItems: [],
    };

    it('cannot apply to a service not available from a procedure spot', () => {
      const result = preflight(ready({ paymentService: { ...service, appliesAtSpot: false } }), none);
      expect(codes(result.blockers)).toEqual(['service_not_at_spot']);
      expect(result.blockers[0]?.referTo).toBe('payment_service');
      expect(result.blockers[0]?.message.ja).toContain('「サンプルカード」は手続スポットからの申込みに対応していない');
      expect(result.earliestAt).toBeNull();
    });

    it('needs the prior registration unless it is done', () => {
      const paymentService = { ...service, requiresPreRegistration: true };
      expect(codes(preflight(ready({ paymentService }), none).blockers)).toEqual(['service_prereg_required']);
      expect(preflight(ready({ paymentService, serviceRegistrationDone: true }), none).canProceedNow).toBe(true);
    });

    it('needs the listed items unless they are ready, and names them', () => {
      const paymentService = { ...service, requiredItems: ['クレジットカード', 'アプリのログインID'] };
      const missing = preflight(ready({ paymentService }), none);
      expect(missing.blockers[0]?.message.ja).toBe(
        '「サンプルカード」の申込みに必要なもの(クレジットカード、アプリのログインID)をそろえてお越しください。',
      );
      expect(preflight(ready({ paymentService, serviceItemsReady: true }), none).canProceedNow).toBe(true);
    });

    it('ignores the service for a reservation alone, and reminds an applicant to choose one', () => {
      const reservation = preflight(
        ready({ procedure: 'reservation', paymentService: { ...service, appliesAtSpot: false } }),
        none,
      );
      expect(reservation.canProceedNow).toBe(true);
      const noService = preflight(ready({ paymentService: null }), none);
      expect(noService.canProceedNow).toBe(true);
      expect(codes(noService.warnings)).toEqual(['service_items_missing']);
    });
  });

  describe('certificate validity', () => {
    it('warns within 3 months of the expiry, quoting the seed’s advice', () => {
      const result = preflight(ready({ certificate: { status: 'valid', validUntil: '2020-09-30' } }), none);
      expect(result.canProceedNow).toBe(true);
      expect(codes(result.warnings)).toEqual(['cert_expired']);
      expect(result.warnings[0]?.message.ja).toContain('更新前にマイナポイントのお手続きを済ませるか');
      expect(preflight(ready({ certificate: { status: 'valid', validUntil: '2020-11-01' } }), none).warnings).toEqual(
        [],
      );
    });

    it('treats a passed expiry date as expired whatever the status says', () => {
      const result = preflight(ready({ certificate: { status: 'valid', validUntil: '2020-07-21' } }), none);
      expect(codes(result.blockers)).toEqual(['cert_expired']);
      expect(result.earliestAt).toBeNull();
    });

    it('promises nothing when the certificate expires before the next opening', () => {
      const result = preflight(
        ready({ at: '2020-07-25T13:00:00+09:00', certificate: { status: 'valid', validUntil: '2020-07-25' } }),
        none,
      );
      expect(codes(result.blockers)).toEqual(['cert_expired', 'desk_closed']);
      expect(result.earliestAt).toBeNull();
    });
  });

  it('needs reservation only from citizens without a MyKey ID', () => {
    expect(neededFunctions('reservation', false)).toEqual(['reservation']);
    expect(neededFunctions('reservation', true)).toEqual([]);
    expect(neededFunctions('application', false)).toEqual(['application']);
    expect(neededFunctions('both', false)).toEqual(['reservation', 'application']);
    expect(neededFunctions('both', true)).toEqual(['application']);
  });
});

describe('preflight properties', () => {
  const HOUR = 3_600_000;
  const atArb = fc.integer({ min: Date.parse('2020-06-20T00:00:00Z'), max: Date.parse('2022-01-10T00:00:00Z') });
  const outageArb = (at: number) =>
    fc
      .record({
        start: fc.integer({ min: -72 * HOUR, max: 240 * HOUR }),
        length: fc.option(fc.integer({ min: 0, max: 72 * HOUR }), { freq: 8 }),
        affects: fc.subarray([...PLATFORM_FUNCTIONS], { minLength: 1 }),
      })
      .map(({ start, length, affects }): OutageWindow => ({
        startsAt: new Date(at + start).toISOString(),
        endsAt: length === null ? null : new Date(at + start + length).toISOString(),
        affects,
      }));
  /** Usually `usual`; each of `rare` about once in 15 cases, so that the promised time gets exercised too. */
  const mostly = <T>(usual: T, ...rare: T[]) =>
    fc.oneof(
      { arbitrary: fc.constant(usual), weight: 14 * rare.length },
      ...rare.map((r) => ({ arbitrary: fc.constant(r), weight: 1 })),
    );
  const caseArb = atArb.chain((at) =>
    fc.record({
      situation: fc.record({
        at: fc.constant(new Date(at).toISOString()),
        procedure: fc.constantFrom<PreflightSituation['procedure']>('reservation', 'application', 'both'),
        holderAge: fc.integer({ min: 0, max: 95 }),
        holderPresent: mostly(true, false),
        hasCard: mostly(true, false),
        certificate: fc.record({
          status: mostly<PreflightSituation['certificate']['status']>('valid', 'expired', 'not_issued'),
          issuedOrRenewedAt: fc.option(
            fc.integer({ min: -96 * HOUR, max: 0 }).map((d) => new Date(at + d).toISOString()),
          ),
          validUntil: fc.option(
            fc.integer({ min: -10, max: 200 }).map((d) => new Date(at + d * 24 * HOUR).toISOString().slice(0, 10)),
            { freq: 4 },
          ),
        }),
        pin: mostly<PreflightSituation['pin']>('known', 'forgotten', 'locked'),
        alreadyReserved: fc.boolean(),
        paymentService: fc.option(
          fc.record({
            id: fc.nat(),
            name: fc.constant('TestPay'),
            appliesAtSpot: mostly(true, false),
            requiresPreRegistration: fc.boolean(),
            requiredItems: fc.subarray(['card', 'login ID']),
          }),
          { freq: 8 },
        ),
        serviceItemsReady: mostly(true, false),
        serviceRegistrationDone: mostly(true, false),
      }),
      outages: fc.array(outageArb(at), { maxLength: 4 }),
      certWaitHours: fc.constantFrom(1, 24, 24, 72),
    }),
  );

  const tokyoDay = (t: number) => DateTime.fromMillis(t, { zone: 'Asia/Tokyo' }).toISODate() ?? '';
  /** Whether the citizen could do the procedure at instant t, checked rule by rule. */
  const workableAt = (s: PreflightSituation, ctx: PreflightContext, t: number) => {
    const needed = neededFunctions(s.procedure, s.alreadyReserved);
    const calendar = calendarOf(s);
    const issued = s.certificate.issuedOrRenewedAt;
    const waitEnd = issued ? Date.parse(issued) + (ctx.certWaitHours ?? 24) * HOUR : -Infinity;
    const stopped = stoppedFunctionsAt(new Date(t), ctx.outages);
    const validUntil = s.certificate.validUntil;
    return (
      (!validUntil || tokyoDay(t) <= validUntil) &&
      t >= Date.parse(s.at) &&
      t >= waitEnd &&
      isDeskOpenAt(new Date(t), calendar) &&
      !needed.some((fn) => stopped.includes(fn))
    );
  };
  /** The desk's calendar for what the procedure needs, each step within its own support window. */
  const calendarOf = (s: PreflightSituation) =>
    calendarForFunctions(FY2020_MYNAPOINT, FY2020_PROGRAMME_WINDOWS, neededFunctions(s.procedure, s.alreadyReserved));
  const untilUnknown = (b: PreflightIssue) =>
    b.code === 'programme_closed' ||
    (b.code === 'platform_maintenance' && b.until === null) ||
    (b.code !== 'desk_closed' && REASONS[b.code].needsCitizenAction);

  it('never promises a time before `at`, and promises only workable times, the first of them', () => {
    fc.assert(
      fc.property(caseArb, ({ situation, outages, certWaitHours }) => {
        const ctx = { outages, certWaitHours };
        const result = preflight(situation, ctx);
        if (result.earliestAt === null) return;
        const at = Date.parse(situation.at);
        const earliest = Date.parse(result.earliestAt);
        expect(earliest).toBeGreaterThanOrEqual(at);
        expect(workableAt(situation, ctx, earliest)).toBe(true);
        // Every workable stretch starts at `at`, an opening, the end of the wait or the end of an outage: none of them
        // before the promised instant may be workable.
        const issued = situation.certificate.issuedOrRenewedAt;
        const candidates = [at, ...outages.flatMap((o) => (o.endsAt ? [Date.parse(o.endsAt)] : []))];
        if (issued) candidates.push(Date.parse(issued) + certWaitHours * HOUR);
        for (const day of deskCalendar(tokyoDay(at), tokyoDay(earliest), calendarOf(situation))) {
          for (const h of day.hours) candidates.push(Date.parse(`${day.date}T${h.from}:00+09:00`));
        }
        for (const c of candidates.filter((c) => c >= at && c < earliest)) {
          expect(workableAt(situation, ctx, c)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('promises no time exactly when a blocker needs the citizen, the programme is over or an outage has no end', () => {
    fc.assert(
      fc.property(caseArb, ({ situation, outages, certWaitHours }) => {
        const result = preflight(situation, { outages, certWaitHours });
        expect(result.earliestAt === null).toBe(result.blockers.some((b) => b.until === null));
        expect(result.earliestAt === null).toBe(result.blockers.some(untilUnknown));
        for (const b of result.blockers) {
          if (b.until !== null) expect(Date.parse(b.until)).toBeGreaterThan(Date.parse(situation.at));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always promises a time when nothing needs the citizen, every outage has an end and the programme has a month left', () => {
    fc.assert(
      fc.property(caseArb, ({ situation, outages, certWaitHours }) => {
        fc.pre(Date.parse(situation.at) < Date.parse('2021-11-30T00:00:00+09:00'));
        fc.pre(outages.every((o) => o.endsAt !== null));
        const result = preflight(situation, { outages, certWaitHours });
        const needsCitizen = result.blockers.some(
          (b) => b.code !== 'desk_closed' && b.code !== 'programme_closed' && REASONS[b.code].needsCitizenAction,
        );
        expect(result.earliestAt === null).toBe(needsCitizen);
      }),
      { numRuns: 300 },
    );
  });

  it('can proceed now exactly when nothing blocks, and then the earliest instant is now', () => {
    fc.assert(
      fc.property(caseArb, ({ situation, outages, certWaitHours }) => {
        const result = preflight(situation, { outages, certWaitHours });
        const now = new Date(situation.at).toISOString();
        expect(result.canProceedNow).toBe(result.blockers.length === 0);
        expect(result.canProceedNow).toBe(result.earliestAt === now);
      }),
      { numRuns: 300 },
    );
  });

  it('names only instants when the desk is open: every blocker that ends by itself ends at an opening', () => {
    fc.assert(
      fc.property(caseArb, ({ situation, outages, certWaitHours }) => {
        const result = preflight(situation, { outages, certWaitHours });
        for (const b of result.blockers) {
          if (b.until !== null) expect(isDeskOpenAt(b.until, calendarOf(situation))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes every message in Japanese and in English', () => {
    fc.assert(
      fc.property(caseArb, ({ situation, outages, certWaitHours }) => {
        const result = preflight(situation, { outages, certWaitHours });
        for (const issue of [...result.blockers, ...result.warnings]) {
          expect(issue.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
          expect(issue.message.en).toMatch(/^[\x20-\x7e\u2013\u201c\u201d]+$/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
