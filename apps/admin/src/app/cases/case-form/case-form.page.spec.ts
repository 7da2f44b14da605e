import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CreateCaseRequest } from '@madoguchi/contracts';
import { apiInterceptor } from '../../core/http/api.interceptor';
import { button, control, fieldError, formField, radio, type } from '../../../testing/screen';
import { CaseFormPage } from './case-form.page';

describe('CaseFormPage', () => {
  let fixture: ComponentFixture<CaseFormPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CaseFormPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseFormPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/payment-services').flush([]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
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

    expect(fieldError(page, '終了日時')).toBe('終了は対応開始より後にしてください');
    http.expectNone('/api/cases');
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
