import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import {
  type FinishCaseRequest,
  type Outage,
  type PaymentService,
  PROBLEM_TYPE_PREFIX,
  type SupportCase,
} from '@madoguchi/contracts';
import { button, checkbox, radio, textOf } from '../../testing/screen';
import { apiInterceptor } from '../core/http/api.interceptor';
import { FinishCaseDialog, type FinishCaseData, type FinishCaseResult } from './finish-case.dialog';

const IN_SERVICE: SupportCase = {
  id: 42,
  siteId: 1,
  staffUsername: 'staff',
  channel: 'counter',
  procedure: 'both',
  ageBand: '40to64',
  representative: 'self',
  paymentServiceId: 3,
  status: 'in_service',
  arrivedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  endedAt: null,
  completed: [],
  alreadyReserved: false,
  reason: null,
  note: null,
  certRenewedAt: null,
  followUpCode: null,
  previousCaseId: null,
  ticket: null,
  counter: null,
  version: 2,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};

const SERVICES: PaymentService[] = [
  {
    id: 3,
    name: 'ことりペイ',
    kind: 'qr_code',
    appliesAtSpot: true,
    requiresPreRegistration: false,
    requiredItems: [],
  },
];

describe('FinishCaseDialog', () => {
  let fixture: ComponentFixture<FinishCaseDialog>;
  let host: HTMLElement;
  let http: HttpTestingController;
  let close: jest.Mock<void, [FinishCaseResult?]>;

  function open(supportCase: SupportCase = IN_SERVICE, activeOutages: Outage[] = []): void {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [FinishCaseDialog],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { supportCase, paymentServices: SERVICES, activeOutages } satisfies FinishCaseData,
        },
        { provide: MatDialogRef, useValue: { close, afterOpened: () => of(undefined) } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FinishCaseDialog);
    host = fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  async function key(target: HTMLElement, name: string, init: KeyboardEventInit = {}): Promise<void> {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...init }));
    await fixture.whenStable();
  }

  const outcomeToggle = () => radio(host, '完了');

  it('opens on "completed" with every step of the procedure ticked, so Enter records it', async () => {
    open();
    await fixture.whenStable();

    expect(outcomeToggle().getAttribute('aria-checked')).toBe('true');
    expect(checkbox(host, '予約').checked).toBe(true);
    expect(checkbox(host, '申込み').checked).toBe(true);

    await key(outcomeToggle(), 'Enter');
    const sent = http.expectOne({ method: 'POST', url: '/api/cases/42/finish' });
    expect(sent.request.body).toEqual<FinishCaseRequest>({
      outcome: 'completed',
      completed: ['reservation', 'application'],
      reason: null,
      note: null,
      paymentServiceId: 3,
      alreadyReserved: false,
      version: 2,
    });
    sent.flush({ ...IN_SERVICE, status: 'completed', version: 3 });
    expect(close).toHaveBeenCalledWith({ finished: expect.objectContaining({ status: 'completed' }) });
  });

  it('offers first the reason of an outage running now that stops what the case needs, and says it is on now', async () => {
    const terminalDown: Outage = {
      id: 5,
      system: 'terminal',
      paymentServiceId: null,
      kind: 'unplanned',
      startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      endsAt: null,
      affects: ['reservation', 'application'],
      note: null,
      version: 1,
    };
    open(IN_SERVICE, [terminalDown]);
    await fixture.whenStable();
    await key(outcomeToggle(), '2');
    const reason = host.querySelector<HTMLSelectElement>('select[name="reason"]') as HTMLSelectElement;
    // The first option is "choose"; the terminal's reason comes right after it.
    expect(reason.options[1]?.text).toBe('端末の不具合【停止中】');
    expect(Array.from(reason.options).filter((o) => o.text.includes('停止中'))).toHaveLength(1);
  });

  it('asks for a reason when not completed, in the shared rules’ words, before sending anything', async () => {
    open();
    await fixture.whenStable();

    await key(outcomeToggle(), '2');
    expect(radio(host, '未完了').getAttribute('aria-checked')).toBe('true');
    expect(checkbox(host, '予約').checked).toBe(false);
    await key(outcomeToggle(), 'Enter');
    expect(textOf(host)).toContain('未完了の理由を選んでください。');
    http.expectNone('/api/cases/42/finish');

    const reason = host.querySelector<HTMLSelectElement>('select[name="reason"]') as HTMLSelectElement;
    const pinLocked = Array.from(reason.options).find((o) => o.text.includes('暗証番号ロック')) as HTMLOptionElement;
    expect(pinLocked.text).toBe('暗証番号ロック(案内先: 市民課)');
    reason.value = pinLocked.value;
    reason.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(textOf(host)).toContain('案内先: 市民課');

    await key(reason, 'Enter');
    const sent = http.expectOne({ method: 'POST', url: '/api/cases/42/finish' });
    expect(sent.request.body).toEqual(
      expect.objectContaining({ outcome: 'not_completed', completed: [], reason: 'pin_locked' }),
    );
  });

  it('asks when the certificate was renewed only for the 24-hour wait, defaulting to the start of service', async () => {
    open({ ...IN_SERVICE, arrivedAt: '2020-11-13T02:50:00.000Z', startedAt: '2020-11-13T03:00:00.000Z' });
    await fixture.whenStable();
    await key(outcomeToggle(), '2');
    const reason = host.querySelector<HTMLSelectElement>('select[name="reason"]') as HTMLSelectElement;
    const choose = async (label: string) => {
      reason.value = Array.from(reason.options).find((o) => o.text.startsWith(label))?.value ?? '';
      reason.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const renewedAt = () => host.querySelector<HTMLInputElement>('input[name="certRenewedAt"]');

    await choose('暗証番号ロック');
    expect(renewedAt()).toBeNull();
    await choose('電子証明書の更新・発行から24時間未経過');
    expect(textOf(host)).toContain('電子証明書の更新・発行日時(市民課)');
    // 03:00 UTC is 12:00 in Tokyo.
    expect(renewedAt()?.value).toBe('2020-11-13T12:00');

    const input = renewedAt() as HTMLInputElement;
    input.value = '2020-11-13T09:00';
    input.dispatchEvent(new Event('input'));
    await key(reason, 'Enter');
    const sent = http.expectOne({ method: 'POST', url: '/api/cases/42/finish' });
    expect(sent.request.body).toEqual(
      expect.objectContaining({ reason: 'cert_wait_24h', certRenewedAt: '2020-11-13T00:00:00Z' }),
    );
  });

  it('turns "confirmation required" into a confirm step and resends with confirm: true', async () => {
    open();
    await fixture.whenStable();
    await key(outcomeToggle(), '2');
    const reason = host.querySelector<HTMLSelectElement>('select[name="reason"]') as HTMLSelectElement;
    reason.value = Array.from(reason.options).find((o) => o.text.startsWith('マイキープラットフォーム'))?.value ?? '';
    reason.dispatchEvent(new Event('change'));
    await key(reason, 'Enter');

    http.expectOne('/api/cases/42/finish').flush(
      {
        type: `${PROBLEM_TYPE_PREFIX}confirmation-required`,
        title: 'Confirmation required',
        status: 409,
        detail: '現在、この手続を止めるメンテナンスは記録されていません。',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(textOf(host)).toContain('メンテナンスの記録がありません');

    button(host, 'このまま記録する').click();
    const again = http.expectOne('/api/cases/42/finish');
    expect(again.request.body).toEqual(expect.objectContaining({ reason: 'platform_maintenance', confirm: true }));
  });

  it('shows what changed when the case is stale, and hands the current one back', async () => {
    open();
    await fixture.whenStable();
    await key(outcomeToggle(), 'Enter');

    const current: SupportCase = { ...IN_SERVICE, status: 'completed', completed: ['reservation'], version: 3 };
    http.expectOne('/api/cases/42/finish').flush(
      {
        type: `${PROBLEM_TYPE_PREFIX}stale-version`,
        title: 'Stale version',
        status: 409,
        detail: 'ケース #42は他の操作で更新されています',
        current,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(textOf(host)).toContain('このケースは他の操作で変更されています');
    const rows = Array.from(host.querySelectorAll('.changes tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['状況', '対応中', '完了'],
      ['完了した手続', '—', '予約'],
    ]);

    button(host, '最新の内容を読み込む').click();
    expect(close).toHaveBeenCalledWith({ current });
  });
});
