import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type IsoInstant, REFERRAL_LABELS } from '@madoguchi/contracts';
import { type PreflightResult, tokyoDate } from '@madoguchi/rules';
import { formatTokyoDateTime, I18n, I18N_PIPES, tokyoToday } from '../core/i18n';

/**
 * A preflight answer in plain words: can it be done, what stands in the way and where to go about it, the earliest
 * time to come, and what to keep in mind. Shared by the citizens' self-check and the staff's case form.
 */
@Component({
  selector: 'mg-preflight-result',
  imports: [...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="verdict" [class.ok]="result().canProceedNow">{{ verdict() }}</p>

    @if (result().blockers.length) {
      <ul class="issues blockers">
        @for (blocker of result().blockers; track $index) {
          <li>
            {{ blocker.message | label }}
            @if (blocker.referTo) {
              <span class="refer">
                {{ 'preflight.goTo' | t }}: <strong>{{ referralLabels[blocker.referTo] | label }}</strong>
              </span>
            }
          </li>
        }
      </ul>
      <div class="earliest">
        @if (notAtDesk()) {
          <span>{{ 'preflight.notAtDesk' | t }}</span>
        } @else if (result().earliestAt; as earliestAt) {
          <span>{{ 'preflight.earliest' | t }}: </span>
          <strong class="earliest-at">{{ earliestAt | tokyoDateTime }}</strong>
        } @else {
          <span>{{ 'preflight.noEarliest' | t }}</span>
        }
      </div>
    }

    @if (result().warnings.length) {
      <p class="warnings-title">{{ 'preflight.warnings' | t }}</p>
      <ul class="issues warnings">
        @for (warning of result().warnings; track $index) {
          <li>{{ warning.message | label }}</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p,
    ul {
      margin: 0 0 0.5rem;
    }
    .verdict {
      padding: 0.5rem 0.75rem;
      border-radius: var(--border-radius-8);
      font-weight: 700;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      &.ok {
        background: var(--color-primitive-green-50);
        color: var(--color-primitive-green-1000);
      }
    }
    .issues {
      padding-inline-start: 1.25rem;
      li + li {
        margin-top: 0.375rem;
      }
    }
    .refer {
      display: block;
    }
    .earliest {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      margin-bottom: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .earliest-at {
      font-size: 1.125em;
    }
    .warnings-title {
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
  `,
})
export class PreflightResultView {
  /** The API's answer. */
  readonly result = input.required<PreflightResult>();
  /** The instant that was checked: the answer says "today" only when it is today in Tokyo. */
  readonly at = input.required<IsoInstant>();

  private readonly i18n = inject(I18n);
  protected readonly referralLabels = REFERRAL_LABELS;
  /** Coming back later cannot help a service the desk cannot apply for: say what can instead. */
  protected readonly notAtDesk = computed(() =>
    this.result().blockers.some((blocker) => blocker.code === 'service_not_at_spot'),
  );

  protected readonly verdict = computed(() => {
    if (!this.result().canProceedNow) return this.i18n.translate('preflight.blocked');
    const at = this.at();
    return safeTokyoDate(at) === tokyoToday()
      ? this.i18n.translate('preflight.okToday')
      : this.i18n.translate('preflight.okAt', { at: formatTokyoDateTime(at, this.i18n.lang()) });
  });
}

function safeTokyoDate(instant: IsoInstant): string | null {
  try {
    return tokyoDate(instant);
  } catch {
    return null;
  }
}
