import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  InjectionToken,
  input,
  output,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type ActiveOutages,
  type Outage,
  OUTAGE_SYSTEM_LABELS,
  type PaymentService,
  PLATFORM_FUNCTION_LABELS,
} from '@madoguchi/contracts';
import { tokyoDate } from '@madoguchi/rules';
import { catchError, of, switchMap } from 'rxjs';
import { formatTokyoDateTime, formatTokyoTime, I18n, TranslatePipe } from '../core/i18n';
import { LiveEvents } from '../core/live/live-events';
import { OutagesApi } from './outages-api';

/** How often the banner asks whether an outage began or ended while its live stream is down. */
export const OUTAGE_POLL_MS = new InjectionToken<number>('OUTAGE_POLL_MS', { factory: () => 60_000 });

/** Outages going on now (and those announced for later today), on top of the counter screen. */
@Component({
  selector: 'mg-outage-banner',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length) {
      <section class="banner" role="status" [attr.aria-label]="'banner.label' | t">
        <ul>
          @for (line of lines(); track line.id) {
            <li [class.active]="line.active">{{ line.text }}</li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .banner {
      margin-bottom: 1rem;
      padding: 0.5rem 1rem;
      border-radius: var(--border-radius-8);
      border-inline-start: 6px solid var(--color-semantic-warning-yellow-1);
      background: var(--color-primitive-yellow-100);
      color: var(--mat-sys-on-surface);
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li.active {
      font-weight: 700;
    }
  `,
})
export class OutageBanner {
  /** To name the service of a payment service outage. */
  readonly paymentServices = input<readonly PaymentService[]>([]);

  private readonly api = inject(OutagesApi);
  private readonly i18n = inject(I18n);
  private readonly pollMs = inject(OUTAGE_POLL_MS);

  private readonly outages = toSignal(
    // The board's stream: a recorded, changed or ended outage shows at once; a start or end time passing, by the poll.
    inject(LiveEvents)
      .refreshes('/api/live/desk', ['outages'], this.pollMs, true)
      .pipe(switchMap(() => this.api.active().pipe(catchError(() => of(null))))),
    { initialValue: null as ActiveOutages | null },
  );

  /** The outages running now, each time the banner learns them: the counter offers their reasons first. */
  readonly activeChange = output<readonly Outage[]>();

  constructor() {
    effect(() => {
      const answer = this.outages();
      if (answer) this.activeChange.emit(answer.active);
    });
  }

  protected readonly lines = computed(() => {
    const answer = this.outages();
    if (!answer) return [];
    return [
      ...answer.active.map((o) => ({ id: o.id, active: true, text: this.describe(o, 'banner.active') })),
      ...answer.laterToday.map((o) => ({ id: o.id, active: false, text: this.describe(o, 'banner.laterToday') })),
    ];
  });

  private describe(o: Outage, key: 'banner.active' | 'banner.laterToday'): string {
    const { i18n } = this;
    const service = this.paymentServices().find((s) => s.id === o.paymentServiceId)?.name;
    const system = i18n.label(OUTAGE_SYSTEM_LABELS[o.system]) + (service ? ` ${service}` : '');
    return i18n.translate(key, {
      system,
      affects: o.affects.map((f) => i18n.label(PLATFORM_FUNCTION_LABELS[f])).join('・'),
      from: this.when(o.startsAt),
      to: o.endsAt ? this.when(o.endsAt) : i18n.translate('banner.untilUnknown'),
    });
  }

  // Today's times read as a clock; another day's with its date.
  private when(instant: string): string {
    return tokyoDate(instant) === tokyoDate(new Date())
      ? formatTokyoTime(instant)
      : formatTokyoDateTime(instant, this.i18n.lang());
  }
}
