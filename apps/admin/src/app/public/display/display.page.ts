import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { CalledTicket, PublicDisplay } from '@madoguchi/contracts';
import { switchMap } from 'rxjs';
import { formatTokyoDateTime, formatTokyoTime, I18n, I18N_PIPES } from '../../core/i18n';
import { outageWhat } from '../maintenance-notice';
import { Announcer } from './announcer';
import { DisplayFeed } from './display-feed';

/** How long a new call stays highlighted. */
const FRESH_MS = 10_000;

const callKey = (c: CalledTicket) => `${c.ticket}@${c.calledAt}`;

/**
 * `/display`, for the TV of the waiting room (1920×1080, read from across the room): the number called and its
 * counter, said aloud; the queue, the wait, today's hours and any outage now or later today. `?site=<code>` picks
 * the site. Public and free of personal data: tickets and counters only.
 */
@Component({
  selector: 'mg-display-page',
  imports: [...I18N_PIPES],
  providers: [Announcer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The screen's own Japanese font (styles.scss), like the other public pages.
  host: { class: 'public-page' },
  templateUrl: './display.page.html',
  styleUrl: './display.page.scss',
})
export class DisplayPage {
  /** Query parameter `site`: the site's code. */
  readonly site = input<string>();

  protected readonly i18n = inject(I18n);
  protected readonly announcer = inject(Announcer);

  protected readonly display = signal<PublicDisplay | null>(null);
  protected readonly failed = signal(false);
  /** The latest call arrived while the page was watching (not one already on screen when it opened). */
  protected readonly fresh = signal(false);
  protected readonly clock = signal(new Date().toISOString());

  private seen: Set<string> | null = null;
  private freshTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly latest = computed(() => this.display()?.called[0] ?? null);
  protected readonly earlier = computed(() => this.display()?.called.slice(1) ?? []);

  protected readonly clockText = computed(() => formatTokyoDateTime(this.clock(), this.i18n.lang()));

  protected readonly hoursText = computed(() => {
    const hours = this.display()?.today.hours ?? [];
    if (!hours.length) return this.i18n.translate('display.closedToday');
    return hours
      .map((h) => this.i18n.translate('display.hoursRange', { from: clock(h.from), to: clock(h.to) }))
      .join(' / ');
  });

  protected readonly waitText = computed(() => {
    const minutes = this.display()?.estimatedWaitMinutes;
    return minutes === null || minutes === undefined
      ? this.i18n.translate('display.noEstimate')
      : this.i18n.translate('display.aboutMinutes', { n: minutes });
  });

  /** Outages as one line each: what stops now and until when, and what is announced for later today. */
  protected readonly alerts = computed(() => {
    const display = this.display();
    if (!display) return [];
    const now = display.outagesNow.map((o) => ({
      now: true,
      text: `${outageWhat(o, this.i18n)}(${
        o.until
          ? this.i18n.translate('maintenance.until', { until: formatTokyoTime(o.until) })
          : this.i18n.translate('maintenance.untilUnknown')
      })`,
    }));
    const later = display.outagesLaterToday.map((o) => ({
      now: false,
      text: this.i18n.translate('maintenance.laterToday', {
        from: formatTokyoTime(o.from),
        to: o.until ? formatTokyoTime(o.until) : '',
        affects: outageWhat(o, this.i18n),
      }),
    }));
    return [...now, ...later];
  });

  constructor() {
    const feed = inject(DisplayFeed);
    toObservable(this.site)
      .pipe(
        switchMap((site) => {
          // Another site is another room: what it called before is not news here.
          this.seen = null;
          return feed.watch(site || undefined);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((reading) => {
        this.clock.set(new Date().toISOString());
        if ('failed' in reading) {
          this.failed.set(true);
          return;
        }
        this.failed.set(false);
        this.take(reading.display);
      });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.freshTimer));
  }

  protected counterText(call: CalledTicket): string {
    return call.counter === null
      ? this.i18n.translate('display.counterAny')
      : this.i18n.translate('display.counterN', { n: call.counter });
  }

  protected toggleMute(): void {
    this.announcer.setMuted(!this.announcer.muted());
  }

  /** Shows a reading; calls it has not seen before are announced, oldest first. */
  private take(display: PublicDisplay): void {
    const keys = display.called.map(callKey);
    const first = this.seen === null;
    const news = first ? [] : display.called.filter((c) => !this.seen?.has(callKey(c))).reverse();
    this.seen = new Set([...(this.seen ?? []), ...keys]);
    this.display.set(display);
    if (!news.length) return;
    for (const call of news) this.announcer.announce(this.spoken(call), this.i18n.translate('display.speechLang'));
    this.fresh.set(true);
    clearTimeout(this.freshTimer);
    this.freshTimer = setTimeout(() => this.fresh.set(false), FRESH_MS);
  }

  private spoken(call: CalledTicket): string {
    const params = { prefix: call.prefix, number: String(call.number) };
    return call.counter === null
      ? this.i18n.translate('display.speechAnyCounter', params)
      : this.i18n.translate('display.speech', { ...params, counter: String(call.counter) });
  }
}

/** '08:30' → '8:30', as the desk writes its hours. */
function clock(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}
