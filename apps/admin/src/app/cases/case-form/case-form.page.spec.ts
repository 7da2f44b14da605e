import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { CreateCaseRequest } from '@madoguchi/contracts';
import type { PreflightResult } from '@madoguchi/rules';
import { apiInterceptor } from '../../core/http/api.interceptor';
import type { PreflightRequest } from '../../preflight/preflight-api';
import { button, checkbox, choose, control, fieldError, formField, radio, textOf, type } from '../../../testing/screen';
import { I18n } from '../../core/i18n';
import { CaseFormPage } from './case-form.page';
import { PREFLIGHT_DEBOUNCE_MS } from './case-preflight';

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

const ALL_CLEAR: PreflightResult = { canProceedNow: true, blockers: [], warnings: [], earliestAt: null };

const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CaseFormPage', () => {
  let fixture: ComponentFixture<CaseFormPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CaseFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: PREFLIGHT_DEBOUNCE_MS, useValue: 0 },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseFormPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/payment-services').flush([]);
    await fixture.whenStable();
  });

  afterEach(async () => {
    // The pre-check asks the API on its own as the form changes; tests about other things leave it unanswered.
    await settle();
    http.match('/api/preflight');
    http.verify();
  });

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }

  /** Lets the pre-check's (zero) debounce run and its request go out. */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await nextMacrotask();
    await fixture.whenStable();
  }

  /** Answers the pre-check the panel asked last (earlier ones were superseded) and returns what it asked. */
  async function answerPreflight(result: PreflightResult): Promise<TestRequest> {
    await settle();
    const asked = http.match({ method: 'POST', url: '/api/preflight' }).filter((request) => !request.cancelled);
    const last = asked[asked.length - 1];
    if (!last) throw new Error('the pre-check asked nothing');
    last.flush(result);
    await fixture.whenStable();
    return last;
  }

  function dialog(): HTMLElement | null {
    return document.querySelector<HTMLElement>('mat-dialog-container');
  }

  it('asks for a reason, marked required, only when the case was not completed', async () => {
    expect(formField(page, '未完了の理由')).toBeNull();

    await click(radio(page, '予約(マイキーID設定)'));
    await click(radio(page, '未完了'));

    const reason = control(page, '未完了の理由');
    expect(reason).not.toBeNull();
    expect(reason?.getAttribute('aria-required')).toBe('true');

    await click(button(page, '記録する'));
    expect(fieldError(page, '未完了の理由')).toBe('選んでください');
    http.expectNone('/api/cases');
  });

  it('refuses an end before the start and sends nothing', async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    await click(radio(page, '完了'));
    type(control(page, '受付日時'), '2020-11-24T08:30');
    type(control(page, '対応開始日時'), '2020-11-24T09:00');
    type(control(page, '終了日時'), '2020-11-24T08:50');
    await click(button(page, '記録する'));

    // The shared rules' own words, the same the API would answer with.
    expect(fieldError(page, '終了日時')).toBe('終了日時が対応開始日時より前になっています。');
    http.expectNone('/api/cases');
  });

  it("words the shared rules' problems in the language on screen", async () => {
    await click(radio(page, '予約と申込み'));
    await click(radio(page, '完了'));
    await click(checkbox(page, '予約'));
    await click(button(page, '記録する'));

    expect(page.querySelector('#steps-error')?.textContent).toContain('完了した手続(予約・申込み)を選んでください');
    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    expect(page.querySelector('#steps-error')?.textContent).toContain('completed lacks reservation');
    http.expectNone('/api/cases');
  });

  it("shows the desk rules' answer while the case is filled in", async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    await click(radio(page, 'ロック'));

    const asked = await answerPreflight(PIN_LOCKED);
    expect(asked.request.body).toEqual<PreflightRequest>(
      expect.objectContaining({
        procedure: 'reservation',
        pin: 'locked',
        holderPresent: true,
        hasCard: true,
        certificate: { status: 'valid' },
      }),
    );
    const panel = page.querySelector('mg-case-preflight') as HTMLElement;
    expect(textOf(panel)).toContain('このままではお手続きできません');
    expect(textOf(panel)).toContain('暗証番号がロックされています。');
    expect(textOf(panel)).toContain('行き先: 市民課');
  });

  it("checks a legal representative's case once the age band tells whether the holder is under 15", async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    await click(radio(page, '法定代理人'));
    await settle();
    expect(textOf(page.querySelector('mg-case-preflight') as HTMLElement)).toContain(
      '法定代理人のときは、年齢層を選ぶとチェックします。',
    );

    await choose(page, '年齢層', '15歳未満', () => fixture.whenStable());
    const asked = await answerPreflight(ALL_CLEAR);
    expect(asked.request.body).toEqual(expect.objectContaining({ holderPresent: false, holderAge: 0 }));
  });

  it('asks before recording as completed a case the rules say could not succeed', async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    await click(radio(page, '完了'));
    await click(radio(page, 'ロック'));
    await answerPreflight(PIN_LOCKED);

    await click(button(page, '記録する'));
    expect(textOf(dialog() as HTMLElement)).toContain(
      'チェックで問題が見つかっています。このまま完了として記録しますか?',
    );
    expect(textOf(dialog() as HTMLElement)).toContain('暗証番号がロックされています。');
    await click(button(document.body, '戻って確認する'));
    expect(dialog()).toBeNull();
    http.expectNone('/api/cases');

    await click(button(page, '記録する'));
    await click(button(document.body, '完了として記録する'));
    const saved = http.expectOne({ method: 'POST', url: '/api/cases' });
    expect(saved.request.body).toEqual<CreateCaseRequest>(
      expect.objectContaining({ procedure: 'reservation', status: 'completed', completed: ['reservation'] }),
    );
    saved.flush({ id: 7 }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('ケース #7 を記録しました');
  });

  it('records a completed case at once when the rules find nothing', async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    await click(radio(page, '完了'));
    await answerPreflight(ALL_CLEAR);

    await click(button(page, '記録する'));
    expect(dialog()).toBeNull();
    http.expectOne({ method: 'POST', url: '/api/cases' }).flush({ id: 8 }, { status: 201, statusText: 'Created' });
  });

  it('sends Tokyo times as UTC instants and confirms the new case number', async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    type(control(page, '受付日時'), '2020-11-24T08:30');
    await click(button(page, '記録する'));

    const request = http.expectOne({ method: 'POST', url: '/api/cases' });
    expect(request.request.body).toEqual<CreateCaseRequest>(
      expect.objectContaining({ procedure: 'reservation', status: 'waiting', arrivedAt: '2020-11-23T23:30:00Z' }),
    );
    request.flush({ id: 123 }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(page.querySelector('[role="status"]')?.textContent).toContain('ケース #123 を記録しました');
  });

  it("puts the server's validation messages on their fields", async () => {
    await click(radio(page, '予約(マイキーID設定)'));
    await click(button(page, '記録する'));

    http.expectOne('/api/cases').flush(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        detail: '入力内容を確認してください',
        errors: [{ field: 'note', message: 'マイナンバーは記録できません' }],
      },
      { status: 422, statusText: 'Unprocessable Entity', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await fixture.whenStable();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('入力内容を確認してください');
    expect(fieldError(page, 'メモ')).toBe('マイナンバーは記録できません');
  });
});
