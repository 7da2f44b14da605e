import { FY2020_MYNAPOINT } from '@madoguchi/rules';
import { buildReturnSlip, SlipCase, SlipContext } from './return-slip';

const ctx: SlipContext = { outages: [], calendar: FY2020_MYNAPOINT, certWaitHours: 24 };
const kotoriPay = {
  id: 3,
  name: 'ことりペイ',
  appliesAtSpot: true,
  requiresPreRegistration: false,
  requiredItems: ['スマートフォン(決済アプリ)', '決済アプリのログインID・パスワード'],
};
const slipFor = (c: Partial<SlipCase>, context: Partial<SlipContext> = {}) =>
  buildReturnSlip(
    {
      id: 1,
      followUpCode: 'K7M2QX',
      siteName: '本庁舎',
      procedure: 'both',
      alreadyReserved: false,
      // Tue 24 Nov 2020, 10:00 in Tokyo.
      endedAt: '2020-11-24T01:00:00.000Z',
      certRenewedAt: null,
      reason: 'other',
      paymentService: null,
      ...c,
    },
    { ...ctx, ...context },
  );

describe('the return slip', () => {
  it('sends a locked PIN to the Citizens Division, with no time promised', () => {
    const slip = slipFor({ reason: 'pin_locked' });
    expect(slip.reasonLabel.ja).toBe('暗証番号ロック');
    expect(slip.referTo).toBe('citizens_division');
    expect(slip.referToLabel?.ja).toBe('市民課');
    expect(slip.earliestReturnAt).toBeNull();
    expect(slip.advice[0]?.ja).toContain('暗証番号がロックされています');
    expect(slip.comeBack.ja).toBe('先に市民課でお手続きのうえ、受付時間内にお越しください。');
  });

  it('counts the wait from the renewal staff recorded, not from the end of the visit (issue 10)', () => {
    // Renewed at 市民課 Fri 13 Nov 2020 09:00, visit ended 12:30: Sat 14 Nov 09:00, a 2nd Saturday when the desk is open.
    const slip = slipFor({
      reason: 'cert_wait_24h',
      certRenewedAt: '2020-11-13T00:00:00.000Z',
      endedAt: '2020-11-13T03:30:00.000Z',
    });
    expect(slip.earliestReturnAt).toBe('2020-11-14T00:00:00.000Z');
    expect(slip.comeBack.ja).toBe('2020年11月14日(土) 9:00以降の受付時間内にお越しください。');
    expect(slip.certRenewedAt).toBe('2020-11-13T00:00:00.000Z');
    expect(slip.advice[0]?.ja).toBe(
      '電子証明書の更新・発行から24時間が経過していません。窓口では2020年11月14日(土) 9:00以降にお手続きいただけます。',
    );
  });

  it('rolls a wait that ends while the desk is closed to its next opening', () => {
    // Renewed Sat 14 Nov 11:30 (2nd Saturday): Sunday 11:30 is closed, so Monday 16 Nov 8:30.
    const slip = slipFor({
      reason: 'cert_wait_24h',
      certRenewedAt: '2020-11-14T02:30:00.000Z',
      endedAt: '2020-11-14T02:50:00.000Z',
    });
    expect(slip.earliestReturnAt).toBe('2020-11-15T23:30:00.000Z');
  });

  it('without a recorded renewal, counts from the end of the visit, past holidays', () => {
    // Fri 20 Nov 16:00 + 24 h is a 3rd Saturday (closed), then Sunday and Labour Thanksgiving Day (Mon 23).
    const slip = slipFor({ reason: 'cert_wait_24h', endedAt: '2020-11-20T07:00:00.000Z' });
    expect(slip.earliestReturnAt).toBe('2020-11-23T23:30:00.000Z');
    expect(slip.comeBack.ja).toBe('2020年11月24日(火) 8:30以降の受付時間内にお越しください。');
    expect(slip.referTo).toBeNull();
  });

  it('after platform maintenance, names the moment the recorded outage ends', () => {
    const outage = {
      startsAt: '2020-11-18T00:00:00.000Z',
      endsAt: '2020-11-18T02:30:00.000Z',
      affects: ['reservation' as const],
    };
    const slip = slipFor(
      { reason: 'platform_maintenance', procedure: 'reservation', endedAt: '2020-11-18T00:40:00.000Z' },
      { outages: [outage] },
    );
    expect(slip.earliestReturnAt).toBe('2020-11-18T02:30:00.000Z');
    expect(slip.advice[0]?.ja).toContain('メンテナンス中');
  });

  it('promises no time while an outage has no announced end', () => {
    const outage = { startsAt: '2020-11-18T00:00:00.000Z', endsAt: null, affects: ['reservation' as const] };
    const slip = slipFor(
      { reason: 'platform_maintenance', procedure: 'reservation', endedAt: '2020-11-18T00:40:00.000Z' },
      { outages: [outage] },
    );
    expect(slip.earliestReturnAt).toBeNull();
    expect(slip.comeBack.en).toContain('no end has been announced');
  });

  it('lists the payment service’s required items among what to bring, and names them in the advice', () => {
    const slip = slipFor({ reason: 'service_items_missing', paymentService: kotoriPay });
    expect(slip.toBring.map((i) => i.ja)).toEqual([
      'マイナンバーカード',
      expect.stringContaining('暗証番号'),
      'スマートフォン(決済アプリ)',
      '決済アプリのログインID・パスワード',
    ]);
    expect(slip.advice[0]?.ja).toContain('「ことりペイ」の申込みに必要なもの');
    expect(slip.referTo).toBe('payment_service');
    expect(slip.paymentService).toEqual({ id: 3, name: 'ことりペイ' });
    expect(slip.earliestReturnAt).toBeNull();
  });

  it('says what a service reason means even when no service was recorded', () => {
    const slip = slipFor({ reason: 'service_not_at_spot' });
    expect(slip.advice[0]?.ja).toContain('市役所の端末から申し込めません');
    expect(slip.toBring.at(-1)?.ja).toBe('お選びになる決済サービスが指定するもの');
  });

  it('asks for the holder in person when a proxy was refused', () => {
    const slip = slipFor({ reason: 'proxy_not_allowed', procedure: 'reservation' });
    expect(slip.toBring.map((i) => i.en)).toContain(
      'The card holder in person (a holder under 15 with a legal representative)',
    );
    expect(slip.toBring).toHaveLength(3);
  });

  it('says so when no desk hours remain in the programme', () => {
    const slip = slipFor({ reason: 'cert_wait_24h', endedAt: '2021-12-28T07:00:00.000Z' });
    expect(slip.earliestReturnAt).toBeNull();
    expect(slip.comeBack.ja).toContain('実施期間');
  });
});
