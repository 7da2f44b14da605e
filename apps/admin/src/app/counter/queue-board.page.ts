import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  InjectionToken,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  type AgeBand,
  CASE_STATUS_LABELS,
  type Channel,
  CHANNEL_LABELS,
  CHANNELS,
  type Outage,
  type Procedure,
  PROCEDURE_LABELS,
  PROCEDURES,
  REASONS,
  type SupportCase,
} from '@madoguchi/contracts';
import { normaliseFollowUpCode, tokyoDate } from '@madoguchi/rules';
import { catchError, debounceTime, distinctUntilChanged, map, merge, of, Subject, switchMap } from 'rxjs';
import { ApiError, staleCurrent } from '../core/http/api-error';
import { errorText } from '../core/http/error-text';
import {
  formatTokyoDate,
  formatTokyoTime,
  I18n,
  I18N_PIPES,
  tokyoToday,
  type TranslationKey,
  type TranslationParams,
} from '../core/i18n';
import { CasesApi } from '../cases/cases-api';
import { LiveEvents } from '../core/live/live-events';
import { OutageBanner } from '../outages/outage-banner';
import { CounterNumber, CounterNumberPicker } from './counter-number';
import { DeskSettingsApi } from './desk-settings';
import { FinishCaseDialog, type FinishCaseData, type FinishCaseResult } from './finish-case.dialog';
import { ShortcutHelpDialog } from './shortcut-help.dialog';

/** How often the board reloads today's cases while its live stream is down (others add and serve cases too). */
export const BOARD_REFRESH_MS = new InjectionToken<number>('BOARD_REFRESH_MS', { factory: () => 20_000 });
/** How often the elapsed times move on. */
export const BOARD_TICK_MS = new InjectionToken<number>('BOARD_TICK_MS', { factory: () => 5_000 });

/** The age band toggles need a value for "not asked"; the request sends null for it. */
const UNKNOWN_AGE = 'unknown';
type AgeChoice = AgeBand | typeof UNKNOWN_AGE;

const followUpCodeFormat: ValidatorFn = (control) =>
  control.value && !normaliseFollowUpCode(control.value as string) ? { followUpCode: true } : null;

/** A message under the board, and what it offers to do next. */
interface Notice {
  text: string;
  kind: 'ok' | 'error';
  slipFor?: number;
  /** A case just received, whose ticket can be printed. */
  ticketFor?: number;
  undoLeave?: SupportCase;
}

/**
 * The counter's home: receive an arrival in one action, then start, finish or mark as left from the keyboard.
 * Shortcuts are listed in `shortcuts.ts` and behind `?`; every action is a button too.
 */
@Component({
  selector: 'mg-queue-board-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    OutageBanner,
    CounterNumberPicker,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue-board.page.html',
  styleUrl: './queue-board.page.scss',
  host: { '(document:keydown)': 'onKeydown($event)' },
})
export class QueueBoardPage {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly counterNumber = inject(CounterNumber);
  private readonly live = inject(LiveEvents);

  protected readonly channels = CHANNELS;
  protected readonly procedures = PROCEDURES;
  protected readonly ageChoices: readonly AgeChoice[] = [...AGE_BANDS, UNKNOWN_AGE];
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly procedureLabels = PROCEDURE_LABELS;
  protected readonly ageBandLabels = AGE_BAND_LABELS;
  protected readonly unknownAge = UNKNOWN_AGE;
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly reasons = REASONS;

  protected readonly reception = this.fb.group({
    channel: this.fb.control<Channel>('counter'),
    procedure: this.fb.control<Procedure | null>(null, Validators.required),
    ageBand: this.fb.control<AgeChoice>(UNKNOWN_AGE),
    followUpCode: this.fb.control('', followUpCodeFormat),
  });
  protected readonly receiving = signal(false);
  protected readonly receptionTried = signal(false);
  protected readonly followUpServerError = signal<string | null>(null);

  /** The earlier visit the typed follow-up code points to, looked up as staff type. */
  protected readonly followUp = toSignal(
    this.reception.controls.followUpCode.valueChanges.pipe(
      map((text) => normaliseFollowUpCode(text)),
      distinctUntilChanged(),
      debounceTime(250),
      switchMap((code) =>
        code
          ? this.api.byFollowUpCode(code).pipe(
              map((found) => ({ found })),
              catchError(() => of({ found: null })),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly followUpText = computed(() => {
    const answer = this.followUp();
    if (!answer) return '';
    const found = answer.found;
    if (!found) return this.i18n.translate('counter.followUpUnknown');
    return this.i18n.translate('counter.followUpFound', {
      id: found.id,
      date: formatTokyoDate(tokyoDate(found.arrivedAt), this.i18n.lang()),
      reason: found.reason ? this.i18n.label(REASONS[found.reason]) : this.i18n.translate('common.none'),
    });
  });

  private readonly cases = signal<SupportCase[]>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly refreshedAt = signal<string | null>(null);
  private readonly refresh$ = new Subject<void>();
  protected readonly now = signal(Date.now());
  /** Whether others' changes arrive as they happen, or only with each reload. */
  protected readonly liveOpen = this.live.isOpen('/api/live/desk');
  protected readonly refreshSeconds = Math.round(inject(BOARD_REFRESH_MS) / 1000);

  protected readonly inService = computed(() =>
    this.cases()
      .filter((c) => c.status === 'in_service')
      .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '')),
  );
  protected readonly waiting = computed(() =>
    this.cases()
      .filter((c) => c.status === 'waiting')
      .sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt) || a.id - b.id),
  );
  protected readonly recent = computed(() =>
    this.cases()
      .filter((c) => c.status !== 'waiting' && c.status !== 'in_service')
      .sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''))
      .slice(0, 8),
  );
  protected readonly sections = computed(() => [
    {
      key: 'in-service',
      title: 'counter.inService' as const,
      empty: 'counter.emptyInService' as const,
      cases: this.inService(),
    },
    {
      key: 'waiting',
      title: 'counter.waiting' as const,
      empty: 'counter.emptyWaiting' as const,
      cases: this.waiting(),
    },
  ]);
  /** The order j/k walk: those being served, then the queue from its head. */
  private readonly ordered = computed(() => [...this.inService(), ...this.waiting()]);
  private readonly selectedId = signal<number | null>(null);
  protected readonly selected = computed(() => {
    const ordered = this.ordered();
    return ordered.find((c) => c.id === this.selectedId()) ?? ordered[0] ?? null;
  });

  /** What the outage banner last heard is running, handed to the finish dialog. */
  protected readonly activeOutages = signal<readonly Outage[]>([], {
    // Each poll brings a new list: only a real change may re-render the board under someone typing on it.
    equal: (a, b) => a.length === b.length && a.every((o, i) => o.id === b[i]?.id && o.version === b[i]?.version),
  });
  protected readonly paymentServices = toSignal(this.api.paymentServices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** Minutes a citizen may wait before the board marks them; null until the desk's settings arrive. */
  protected readonly waitTarget = toSignal(
    inject(DeskSettingsApi)
      .settings()
      .pipe(
        map((desk) => desk.waitTargetMinutes),
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );
  protected readonly notice = signal<Notice | null>(null);
  private busy = false;

  constructor() {
    const refreshMs = inject(BOARD_REFRESH_MS);
    const tickMs = inject(BOARD_TICK_MS);
    merge(this.live.refreshes('/api/live/desk', ['cases'], refreshMs), this.refresh$)
      .pipe(
        switchMap(() => {
          const today = tokyoToday();
          return this.api.list({ from: today, to: today, pageSize: 500 }).pipe(
            catchError((error: unknown) => {
              this.loadError.set(this.i18n.translate('counter.loadFailed', { detail: errorText(error, this.i18n) }));
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (!page) return;
        this.loadError.set(null);
        this.cases.set(page.items);
        this.refreshedAt.set(formatTokyoTime(new Date().toISOString()));
      });
    const tick = setInterval(() => this.now.set(Date.now()), tickMs);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));
  }

  protected minutesSince(instant: string | null): number {
    return instant ? Math.max(0, Math.floor((this.now() - Date.parse(instant)) / 60_000)) : 0;
  }

  /** Whether a citizen still waiting has waited longer than the desk's target (moves on with each tick). */
  protected overTarget(c: SupportCase): boolean {
    const target = this.waitTarget();
    return c.status === 'waiting' && target !== null && this.now() - Date.parse(c.arrivedAt) > target * 60_000;
  }

  protected time(instant: string): string {
    return formatTokyoTime(instant);
  }

  protected isSelected(c: SupportCase): boolean {
    return this.selected()?.id === c.id;
  }

  protected select(c: SupportCase): void {
    this.selectedId.set(c.id);
  }

  protected refresh(): void {
    this.refresh$.next();
  }

  protected receive(): void {
    this.receptionTried.set(true);
    this.followUpServerError.set(null);
    if (this.reception.invalid) {
      this.reception.markAllAsTouched();
      this.focusIn(
        this.reception.controls.procedure.invalid ? '.procedure-group button' : 'input[name="followUpCode"]',
      );
      return;
    }
    if (this.receiving()) return;
    const { channel, procedure, ageBand, followUpCode } = this.reception.getRawValue();
    const code = normaliseFollowUpCode(followUpCode);
    this.receiving.set(true);
    this.api
      .create({
        channel,
        procedure: procedure as Procedure,
        ageBand: ageBand === UNKNOWN_AGE ? null : ageBand,
        ...(code ? { followUpCode: code } : {}),
      })
      .subscribe({
        next: (created) => {
          this.receiving.set(false);
          this.receptionTried.set(false);
          this.reception.reset({ channel, procedure: null, ageBand: UNKNOWN_AGE, followUpCode: '' });
          this.upsert(created);
          this.selectedId.set(created.id);
          if (created.ticket) {
            this.notice.set({
              kind: 'ok',
              text: this.i18n.translate('ticket.receivedWithTicket', { id: created.id, ticket: created.ticket }),
              ticketFor: created.id,
            });
          } else {
            this.say('counter.received', { id: created.id });
          }
          this.focusCase(created.id);
        },
        error: (error: unknown) => {
          this.receiving.set(false);
          const field = error instanceof ApiError ? error.fieldErrors.find((e) => e.field === 'followUpCode') : null;
          if (field) {
            this.followUpServerError.set(field.message);
            this.focusIn('input[name="followUpCode"]');
          } else {
            this.sayError(error);
          }
        },
      });
  }

  protected start(c: SupportCase | null): void {
    if (!c) return this.say('counter.nothingSelected', {}, 'error');
    if (c.status !== 'waiting') return this.say('counter.onlyWaiting', {}, 'error');
    this.act(this.api.start(c.id, c.version, this.counterNumber.value() ?? undefined), (started) => {
      if (started.ticket && started.counter) {
        this.say('ticket.startedAtCounter', { id: started.id, ticket: started.ticket, counter: started.counter });
      } else {
        this.say('counter.started', { id: started.id });
      }
      this.focusCase(started.id);
    });
  }

  protected leave(c: SupportCase | null): void {
    if (!c) return this.say('counter.nothingSelected', {}, 'error');
    if (c.status !== 'waiting') return this.say('counter.onlyWaiting', {}, 'error');
    const place = this.placeOf(c);
    this.act(this.api.leave(c.id, c.version), (left) => {
      this.notice.set({ kind: 'ok', text: this.i18n.translate('counter.left', { id: left.id }), undoLeave: left });
      this.focusPlace(place);
    });
  }

  /** A citizen marked as left by mistake goes back into the queue where they were. */
  protected undoLeave(c: SupportCase): void {
    this.act(this.api.update(c.id, { version: c.version, status: 'waiting', endedAt: null }), (back) => {
      this.selectedId.set(back.id);
      this.say('counter.undone', { id: back.id });
      this.focusCase(back.id);
    });
  }

  protected finish(c: SupportCase | null): void {
    if (!c) return this.say('counter.nothingSelected', {}, 'error');
    if (c.status !== 'in_service') return this.say('counter.onlyInService', {}, 'error');
    const data: FinishCaseData = {
      supportCase: c,
      paymentServices: this.paymentServices(),
      activeOutages: this.activeOutages(),
    };
    this.dialog
      .open<FinishCaseDialog, FinishCaseData, FinishCaseResult>(FinishCaseDialog, {
        data,
        // The dialog places the focus itself once open (see FinishCaseDialog).
        autoFocus: false,
        // Wide enough for the fields' two columns, so the dialog fits a 768 px tall screen without scrolling.
        maxWidth: '52rem',
        width: 'calc(100vw - 2rem)',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return this.focusCase(c.id);
        if ('current' in result) {
          this.upsert(result.current);
          return this.focusCase(result.current.id);
        }
        const finished = result.finished;
        const place = this.placeOf(c);
        this.upsert(finished);
        if (finished.status === 'not_completed') {
          this.notice.set({
            kind: 'ok',
            text: this.i18n.translate('counter.finished', { id: finished.id }),
            slipFor: finished.id,
          });
          this.focusIn('.slip-link');
        } else {
          this.say('counter.finished', { id: finished.id });
          this.focusPlace(place);
        }
      });
  }

  protected showShortcuts(): void {
    if (!this.dialog.openDialogs.length) this.dialog.open(ShortcutHelpDialog);
  }

  /** The board's shortcuts; nothing happens while staff type in a field or a dialog is open. */
  protected onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (this.dialog.openDialogs.length) return;
    const target = event.target as HTMLElement | null;
    if (target && isTextEntry(target)) return;
    const onCard = !!target?.closest('[data-case-id]') && target?.tagName !== 'BUTTON' && target?.tagName !== 'A';
    const inChoice = !!target?.closest('[role="radiogroup"], mat-button-toggle-group');
    const onPlainPage = !target || target === document.body || target.id === 'main' || onCard;

    switch (event.key) {
      case '?':
        this.showShortcuts();
        break;
      case 'n':
      case 'N':
        this.focusIn('.procedure-group button[tabindex="0"]');
        break;
      case 'j':
      case 'ArrowDown':
        if (event.key === 'ArrowDown' && (inChoice || !onPlainPage)) return;
        this.move(1);
        break;
      case 'k':
      case 'ArrowUp':
        if (event.key === 'ArrowUp' && (inChoice || !onPlainPage)) return;
        this.move(-1);
        break;
      case 'Enter':
        if (!onCard) return;
        this.start(this.selected());
        break;
      case 's':
      case 'S':
        this.start(this.selected());
        break;
      case 'f':
      case 'F':
        this.finish(this.selected());
        break;
      case 'l':
      case 'L':
        this.leave(this.selected());
        break;
      case 'r':
      case 'R':
        this.refresh();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private move(step: 1 | -1): void {
    const ordered = this.ordered();
    if (!ordered.length) return;
    const current = this.selected();
    const index = current ? ordered.findIndex((c) => c.id === current.id) : -1;
    const next = ordered[Math.min(ordered.length - 1, Math.max(0, index + step))];
    if (!next) return;
    this.selectedId.set(next.id);
    this.focusCase(next.id);
  }

  private placeOf(c: SupportCase): number {
    return Math.max(
      0,
      this.ordered().findIndex((o) => o.id === c.id),
    );
  }

  /**
   * After a case left the board, focus the card now at its place, else the last one, else the board's title,
   * so the next shortcut works without the mouse.
   */
  private focusPlace(place: number): void {
    const ordered = this.ordered();
    const next = ordered[Math.min(place, ordered.length - 1)];
    if (next) this.focusCase(next.id);
    else this.focusIn('#board-title');
  }

  private act(call: ReturnType<CasesApi['start']>, done: (c: SupportCase) => void): void {
    if (this.busy) return;
    this.busy = true;
    call.subscribe({
      next: (changed) => {
        this.busy = false;
        this.upsert(changed);
        done(changed);
      },
      error: (error: unknown) => {
        this.busy = false;
        // Someone else moved the case on (409, or 403 when another staff member now serves it): show it as it is now.
        const current = staleCurrent<SupportCase>(error);
        if (current) this.upsert(current);
        else if (error instanceof ApiError && [403, 404, 409].includes(error.status)) this.refresh();
        this.sayError(error);
      },
    });
  }

  private upsert(c: SupportCase): void {
    this.cases.update((all) =>
      all.some((o) => o.id === c.id) ? all.map((o) => (o.id === c.id ? c : o)) : [...all, c],
    );
  }

  private say(key: TranslationKey, params: TranslationParams = {}, kind: Notice['kind'] = 'ok'): void {
    this.notice.set({ kind, text: this.i18n.translate(key, params) });
  }

  private sayError(error: unknown): void {
    this.notice.set({
      kind: 'error',
      text: this.i18n.translate('counter.actionFailed', { detail: errorText(error, this.i18n) }),
    });
  }

  private focusCase(id: number): void {
    this.selectedId.set(id);
    this.focusIn(`[data-case-id="${id}"]`);
  }

  /**
   * Focus at once when the element is there (a key that changes nothing on screen schedules no render to wait
   * for), and again after the next render if that render took the focus away: a card moving between the lists
   * is drawn anew.
   */
  private focusIn(selector: string): void {
    const find = () => this.host.nativeElement.querySelector<HTMLElement>(selector);
    const element = find();
    element?.focus();
    afterNextRender(
      () => {
        const active = document.activeElement;
        if (!element || !active || active === document.body || !active.isConnected) find()?.focus();
      },
      { injector: this.injector },
    );
  }
}

function isTextEntry(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  if (element.tagName === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return element.getAttribute('role') === 'combobox' || element.getAttribute('role') === 'listbox';
}
