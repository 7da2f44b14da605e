import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PaymentService, PublicOutages } from '@madoguchi/contracts';
import { addDays, type DeskDay, type PreflightResult } from '@madoguchi/rules';
import { apiInterceptor } from '../../core/http/api.interceptor';
import { I18n, tokyoToday } from '../../core/i18n';
import type { PreflightRequest } from '../../preflight/preflight-api';
import { button, control, fieldError, option, textOf, type } from '../../../testing/screen';
import { SelfCheckPage } from './self-check.page';

const SERVICES: PaymentService[] = [
  {
    id: 1,
    name: 'ことりペイ',
    kind: 'qr_code',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: ['スマートフォン(決済アプリ)'],
  },
  { id: 2, name: 'みなとPay', kind: 'qr_code', appliesAtSpot: false, requiresPreRegistration: true, requiredItems: [] },
];

const CERT_WAIT: PreflightResult = {
  canProceedNow: false,
  blockers: [
    {
      code: 'cert_wait_24h',
      message: {
        ja: '電子証明書の更新・発行から24時間が経過していません。2020年11月20日(金) 10:00以降にお手続きいただけます。',
        en: 'Less than 24 hours have passed since the electronic certificate was renewed or issued.',
      },
      referTo: null,
      until: '2020-11-20T01:00:00.000Z',
    },
  ],
  warnings: [
    {
      code: 'desk_closed',
      message: { ja: '受付終了まで30分を切っています。', en: 'Less than 30 minutes remain.' },
      referTo: null,
      until: null,
    },
  ],
  earliestAt: '2020-11-20T01:00:00.000Z',
};

const PIN_LOCKED: PreflightResult = {
  canProceedNow: false,
  blockers: [
    {
      code: 'pin_locked',
      message: {
        ja: '暗証番号がロックされています。市民課で初期化してから再度お越しください。',
        en: 'The PIN is locked. Have it reset at the Citizens Division, then come back.',
      },
      referTo: 'citizens_division',
      until: null,
    },
  ],
  warnings: [],
  earliestAt: null,
};

const NOVEMBER: DeskDay[] = [
  { date: '2020-11-21', open: false, hours: [], closedReason: 'saturday_off' },
  { date: '2020-11-22', open: false, hours: [], closedReason: 'weekend' },
  { date: '2020-11-23', open: false, hours: [], closedReason: 'holiday', holidayName: '勤労感謝の日' },
  { date: '2020-11-24', open: true, hours: [{ from: '08:30', to: '17:00' }] },
];

/** Maintenance announced for Tue 24 Nov 2020, 13:00–14:30 in Tokyo, and a terminal down now with no end known. */
const OUTAGES: PublicOutages = {
  at: '2020-11-20T01:00:00.000Z',
  now: [
    {
      system: 'terminal',
      paymentServiceName: null,
      affects: ['reservation', 'application'],
      from: '2020-11-20T00:30:00.000Z',
      until: null,
    },
  ],
  announced: [
    {
      system: 'mykey_platform',
      paymentServiceName: null,
      affects: ['reservation'],
      from: '2020-11-24T04:00:00.000Z',
      until: '2020-11-24T05:30:00.000Z',
    },
  ],
};

describe('SelfCheckPage', () => {
  let fixture: ComponentFixture<SelfCheckPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [SelfCheckPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SelfCheckPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/payment-services').flush(SERVICES);
    http.expectOne('/api/public/outages').flush(OUTAGES);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.match((request) => request.url === '/api/calendar');
    http.verify();
  });

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }

  async function fill(label: string, value: string): Promise<void> {
    type(control(page, label), value);
    await fixture.whenStable();
  }

  function group(name: string): HTMLElement {
    const legend = Array.from(page.querySelectorAll('legend')).find((l) => textOf(l) === name);
    if (!legend?.parentElement) throw new Error(`no question "${name}"`);
    return legend.parentElement;
  }

  async function check(answer: PreflightResult): Promise<PreflightRequest> {
    await click(button(page, 'チェックする'));
    const request = http.expectOne({ method: 'POST', url: '/api/preflight' });
    request.flush(answer);
    await fixture.whenStable();
    return request.request.body as PreflightRequest;
  }

  function result(): string {
    return textOf(page.querySelector('.result') as HTMLElement);
  }

  it('tells of maintenance going on and announced, so that nobody plans a visit into it', () => {
    const notice = page.querySelector('mg-maintenance-notice') as HTMLElement;
    expect(textOf(notice.querySelector('h2') as HTMLElement)).toBe('メンテナンス・停止のお知らせ');
    const lines = Array.from(notice.querySelectorAll('li')).map((li) =>
      Array.from(li.querySelectorAll('span')).map((span) => textOf(span)),
    );
    expect(lines).toEqual([
      ['停止中', '終了時刻未定', '窓口の端末: 予約・申込みができません'],
      ['予定', '2020年11月24日(火) 13:00〜14:30', 'マイキープラットフォーム: 予約ができません'],
    ]);
  });

  it('tells a citizen whose certificate was just renewed the earliest time to come, in Japanese date style', async () => {
    await click(option(page, '予約(マイキーID設定)'));
    await fill('カードをお持ちの方(ご本人)の年齢', '30');
    await fill('電子証明書を更新・発行した日時(任意)', '2020-11-19T10:00');
    await fill('ご来庁予定の日時', '2020-11-19T12:00');

    const sent = await check(CERT_WAIT);

    expect(sent).toEqual<PreflightRequest>({
      at: '2020-11-19T03:00:00Z',
      procedure: 'reservation',
      holderAge: 30,
      holderPresent: true,
      hasCard: true,
      certificate: { status: 'valid', issuedOrRenewedAt: '2020-11-19T01:00:00Z' },
      pin: 'known',
      alreadyReserved: false,
    });
    expect(result()).toContain('このままではお手続きできません');
    expect(result()).toContain('電子証明書の更新・発行から24時間が経過していません。');
    expect(result()).toContain('最短でお越しいただける日時: 2020年11月20日(金) 10:00');
    expect(result()).toContain('ご注意');
    expect(result()).toContain('受付終了まで30分を切っています。');

    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    expect(result()).toContain('Earliest time to come: Fri 20 Nov 2020, 10:00');
    expect(result()).toContain('Less than 24 hours have passed');
  });

  it('sends a citizen with a locked PIN to the Citizens Division, without a time to come', async () => {
    await click(option(page, '予約(マイキーID設定)'));
    await fill('カードをお持ちの方(ご本人)の年齢', '45');
    await click(option(group('暗証番号(数字4桁)'), 'ロックされている(3回間違えた)'));

    const sent = await check(PIN_LOCKED);

    expect(sent.pin).toBe('locked');
    expect(result()).toContain('暗証番号がロックされています。');
    expect(result()).toContain('行き先: 市民課');
    expect(result()).not.toContain('最短でお越しいただける日時');
    expect(result()).toContain('いまはお手続きいただける日時をお示しできません');
  });

  it('says plainly that the procedure can be done today', async () => {
    await click(option(page, '予約(マイキーID設定)'));
    await fill('カードをお持ちの方(ご本人)の年齢', '70');

    await check({ canProceedNow: true, blockers: [], warnings: [], earliestAt: new Date().toISOString() });

    expect(result()).toContain('本日お手続きいただけます');
    expect(page.querySelector('#result-title')).toBe(document.activeElement);
  });

  it('asks for the payment service of an application, marks those the desk cannot apply for, and lists their items', async () => {
    await click(option(page, '申込み'));
    await fill('カードをお持ちの方(ご本人)の年齢', '30');
    const select = control(page, '申し込む決済サービス') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual([
      '選んでください',
      'ことりペイ',
      'みなとPay(手続スポットから申込み不可)',
    ]);

    await click(button(page, 'チェックする'));
    expect(fieldError(page, '申し込む決済サービス')).toBe('選んでください');
    http.expectNone('/api/preflight');

    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(textOf(page)).toContain('「ことりペイ」の申込みに必要なもの');
    expect(textOf(page)).toContain('スマートフォン(決済アプリ)');

    const sent = await check(PIN_LOCKED);
    expect(sent).toMatchObject({ procedure: 'application', paymentServiceId: 1, serviceItemsReady: false });
  });

  it("lists the desk's hours for the 14 days from the planned day, with why a day is closed", async () => {
    const today = tokyoToday();
    http.expectOne(`/api/calendar?from=${today}&to=${addDays(today, 13)}`).flush([]);

    await fill('ご来庁予定の日時', '2020-11-21T09:00');
    http.expectOne('/api/calendar?from=2020-11-21&to=2020-12-04').flush(NOVEMBER);
    await fixture.whenStable();

    const hours = page.querySelector('.hours') as HTMLElement;
    expect(textOf(hours.querySelector('caption') as HTMLElement)).toBe('2020年11月21日(土)から14日間');
    expect(Array.from(hours.querySelectorAll('tbody tr')).map((row) => Array.from(row.children, textOf))).toEqual([
      ['2020年11月21日(土)', '休み(第2・第4以外の土曜日)'],
      ['2020年11月22日(日)', '休み(日曜日)'],
      ['2020年11月23日(月)', '休み(勤労感謝の日)'],
      ['2020年11月24日(火)', '8:30〜17:00'],
    ]);
    const callCentre = page.querySelector<HTMLAnchorElement>('.contact a');
    expect(callCentre?.getAttribute('href')).toBe('tel:0120950178');
    expect(textOf(callCentre as HTMLElement)).toContain('0120-95-0178');
  });
});
