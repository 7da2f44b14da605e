import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type CongestionOutage, OUTAGE_SYSTEM_LABELS, PLATFORM_FUNCTION_LABELS } from '@madoguchi/contracts';
import { tokyoDate } from '@madoguchi/rules';
import { formatTokyoDateTime, formatTokyoTime, I18n, I18N_PIPES } from '../core/i18n';

/** One outage as citizens read it: when, and what cannot be done meanwhile. */
export interface OutageLine {
  now: boolean;
  when: string;
  what: string;
}

/** `2020年12月1日(火) 13:00〜14:00`, the end written as a time alone when it falls on the same day. */
export function outageWhen(outage: CongestionOutage, i18n: I18n): string {
  const lang = i18n.lang();
  const from = formatTokyoDateTime(outage.from, lang);
  if (!outage.until) return `${from} ${i18n.translate('maintenance.untilUnknown')}`;
  const to =
    tokyoDate(outage.until) === tokyoDate(outage.from)
      ? formatTokyoTime(outage.until)
      : formatTokyoDateTime(outage.until, lang);
  return i18n.translate('maintenance.range', { from, to });
}

/** `マイキープラットフォーム: 予約ができません`; a payment service is named. */
export function outageWhat(outage: CongestionOutage, i18n: I18n): string {
  const system = outage.paymentServiceName ?? i18n.label(OUTAGE_SYSTEM_LABELS[outage.system]);
  const affects = outage.affects
    .map((f) => i18n.label(PLATFORM_FUNCTION_LABELS[f]))
    .join(i18n.lang() === 'ja' ? '・' : ', ');
  return i18n.translate('maintenance.stops', { system, affects });
}

/**
 * Maintenance going on and announced ahead (the programme site announced platform maintenance one window at a
 * time): shown on the public pages so that nobody comes for a procedure that cannot be done then.
 */
@Component({
  selector: 'mg-maintenance-notice',
  imports: [...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 [id]="headingId()" class="maintenance-title">{{ 'maintenance.title' | t }}</h2>
    @if (lines().length) {
      <ul class="maintenance-list" [attr.aria-labelledby]="headingId()">
        @for (line of lines(); track $index) {
          <li [class.now]="line.now">
            <span class="tag">{{ (line.now ? 'maintenance.nowTag' : 'maintenance.plannedTag') | t }}</span>
            <span class="when">{{ line.when }}</span>
            <span class="what">{{ line.what }}</span>
          </li>
        }
      </ul>
    } @else {
      <p class="maintenance-none">{{ 'maintenance.none' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .maintenance-title {
      font: var(--mat-sys-title-large);
      margin: 0 0 0.5rem;
    }
    .maintenance-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    li {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-high);
      border-radius: 4px;
    }
    li.now {
      border-left-color: #d55e00;
      background: #fff4ec;
    }
    .tag {
      grid-row: span 2;
      font-weight: 700;
    }
    .when {
      font-weight: 700;
    }
    .maintenance-none {
      margin: 0;
    }
  `,
})
export class MaintenanceNotice {
  private readonly i18n = inject(I18n);

  readonly now = input<readonly CongestionOutage[]>([]);
  readonly announced = input<readonly CongestionOutage[]>([]);
  /** The heading's id, unique on the page that holds the notice. */
  readonly headingId = input('maintenance-title');

  protected readonly lines = computed((): OutageLine[] => {
    this.i18n.lang();
    const line = (outage: CongestionOutage, now: boolean): OutageLine => ({
      now,
      when: now
        ? outage.until
          ? this.i18n.translate('maintenance.until', { until: formatTokyoDateTime(outage.until, this.i18n.lang()) })
          : this.i18n.translate('maintenance.untilUnknown')
        : outageWhen(outage, this.i18n),
      what: outageWhat(outage, this.i18n),
    });
    return [...this.now().map((o) => line(o, true)), ...this.announced().map((o) => line(o, false))];
  });
}
