import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Page, SupportCase } from '@madoguchi/contracts';
import { textOf } from '../../testing/screen';
import { apiInterceptor } from '../core/http/api.interceptor';
import { OUTAGE_POLL_MS } from '../outages/outage-banner';
import { BOARD_REFRESH_MS, BOARD_TICK_MS, QueueBoardPage } from './queue-board.page';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

function supportCase(id: number, overrides: Partial<SupportCase> = {}): SupportCase {
  return {
    id,
    siteId: 1,
    staffUsername: null,
    channel: 'counter',
    procedure: 'reservation',
    ageBand: null,
    representative: 'self',
    paymentServiceId: null,
    status: 'waiting',
    arrivedAt: minutesAgo(30 - id),
    startedAt: null,
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
    version: 1,
    createdAt: minutesAgo(30),
    updatedAt: minutesAgo(30),
    ...overrides,
  };
}

describe('QueueBoardPage', () => {
  let fixture: ComponentFixture<QueueBoardPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  const SERVING = supportCase(1, { status: 'in_service', startedAt: minutesAgo(12), staffUsername: 'staff' });
  const FIRST_WAITING = supportCase(2);
  const SECOND_WAITING = supportCase(3, { procedure: 'both', arrivedAt: minutesAgo(20) });

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [QueueBoardPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: BOARD_REFRESH_MS, useValue: 3_600_000 },
        { provide: BOARD_TICK_MS, useValue: 3_600_000 },
        { provide: OUTAGE_POLL_MS, useValue: 3_600_000 },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QueueBoardPage);
    page = fixture.nativeElement as HTMLElement;
    document.body.appendChild(page);
    await fixture.whenStable();
    http.expectOne('/api/payment-services').flush([]);
    http.expectOne('/api/desk').flush({ waitTargetMinutes: 25 });
    http.expectOne('/api/outages/active').flush({ at: new Date().toISOString(), active: [], laterToday: [] });
    const list = http.expectOne((request) => request.url === '/api/cases');
    expect(list.request.params.get('pageSize')).toBe('500');
    list.flush({
      items: [SECOND_WAITING, SERVING, FIRST_WAITING],
      total: 3,
      page: 1,
      pageSize: 500,
    } satisfies Page<SupportCase>);
    await fixture.whenStable();
  });

  afterEach(() => {
    page.remove();
    http.verify();
  });

  async function press(name: string, target: Element = document.body): Promise<void> {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  }

  const selected = () => page.querySelector('[aria-current="true"]')?.getAttribute('data-case-id');

  it('lists who is being served, then the queue from its head, with elapsed minutes', () => {
    const ids = Array.from(page.querySelectorAll('[data-case-id]')).map((el) => el.getAttribute('data-case-id'));
    expect(ids).toEqual(['1', '2', '3']);
    expect(textOf(page.querySelector('[data-case-id="1"]') as Element)).toContain('対応 12分');
    expect(textOf(page.querySelector('[data-case-id="2"]') as Element)).toContain('待ち 28分');
  });

  it('marks, in words, each citizen still waiting past the target', () => {
    const card = (id: number) => page.querySelector(`[data-case-id="${id}"]`) as Element;
    expect(textOf(page)).toContain('待ち時間の目標 25分');
    // #2 has waited 28 minutes, #3 20; #1 waited 29 before being served, which no longer counts.
    expect(textOf(card(2))).toContain('目標25分超過');
    expect(textOf(card(2))).toContain('待ち時間が目標の25分を超えています');
    expect(card(2).classList).toContain('over-target');
    expect(textOf(card(3))).not.toContain('超過');
    expect(textOf(card(1))).not.toContain('超過');
  });

  it('moves the selection with j/k and the arrow keys, and focuses the selected case', async () => {
    expect(selected()).toBe('1');
    await press('j');
    expect(selected()).toBe('2');
    expect(document.activeElement?.getAttribute('data-case-id')).toBe('2');
    await press('ArrowDown', document.activeElement as Element);
    expect(selected()).toBe('3');
    await press('j');
    expect(selected()).toBe('3');
    await press('k');
    await press('ArrowUp', document.activeElement as Element);
    expect(selected()).toBe('1');
  });

  it('starts the selected waiting case with s, sending the version on screen', async () => {
    await press('j');
    await press('s');
    const start = http.expectOne({ method: 'POST', url: '/api/cases/2/start' });
    expect(start.request.body).toEqual({ version: 1 });
    start.flush({ ...FIRST_WAITING, status: 'in_service', startedAt: new Date().toISOString(), version: 2 });
    await fixture.whenStable();
    expect(textOf(page)).toContain('#2 の対応を開始しました');
    expect(textOf(page.querySelector('#list-in-service + ul') as Element)).toContain('#2');
    // The card is drawn anew in the other list, and the focus follows it there.
    expect(document.activeElement?.closest('#list-in-service + ul')).not.toBeNull();
    expect(document.activeElement?.getAttribute('data-case-id')).toBe('2');
  });

  it('marks the selected citizen as left with l, and puts the focus on the card now in its place', async () => {
    await press('j');
    await press('l');
    const leave = http.expectOne({ method: 'POST', url: '/api/cases/2/leave' });
    leave.flush({ ...FIRST_WAITING, status: 'left', endedAt: new Date().toISOString(), version: 2 });
    await fixture.whenStable();
    expect(page.querySelector('[data-case-id="2"]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-case-id')).toBe('3');
  });

  it('calls the citizen to the counter chosen on this terminal, and remembers the choice', async () => {
    const picker = page.querySelector('select[name="counterNumber"]') as HTMLSelectElement;
    picker.value = '3';
    picker.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(localStorage.getItem('madoguchi.counterNumber')).toBe('3');
    await press('j');
    await press('s');
    const start = http.expectOne({ method: 'POST', url: '/api/cases/2/start' });
    expect(start.request.body).toEqual({ version: 1, counter: 3 });
    start.flush({ ...FIRST_WAITING, ticket: 'A-002', counter: 3, status: 'in_service', version: 2 });
    await fixture.whenStable();
    expect(textOf(page)).toContain('#2 の対応を開始しました(A-002 を 3番窓口へお呼びしています)');
    expect(textOf(page.querySelector('[data-case-id="2"]') as Element)).toContain('A-002');
    expect(textOf(page.querySelector('[data-case-id="2"]') as Element)).toContain('3番窓口');
  });

  it('says why when the key does not fit the selected case', async () => {
    await press('s');
    expect(textOf(page)).toContain('受付待ちのケースを選んでください');
    await press('j');
    await press('f');
    expect(textOf(page)).toContain('対応中のケースを選んでください');
    http.expectNone((request) => request.method === 'POST');
  });

  it('leaves the letters alone while staff type a follow-up code', async () => {
    const input = page.querySelector('input[name="followUpCode"]') as HTMLInputElement;
    input.focus();
    await press('s', input);
    await press('j', input);
    expect(selected()).toBe('1');
    http.expectNone((request) => request.method === 'POST');
  });

  it('puts the focus on the procedure with n, ready to receive the next arrival', async () => {
    await press('n');
    expect(document.activeElement?.closest('.procedure-group')).not.toBeNull();
  });
});
