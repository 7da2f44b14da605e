import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { TranslationKey } from '../i18n';
import { TranslatePipe } from '../i18n/i18n.pipes';

const NOTICES = {
  // A screen the role may not use.
  forbidden: {
    title: 'forbidden.title',
    text: 'forbidden.text',
    hint: 'forbidden.hint',
    back: 'forbidden.back',
    link: '/counter',
  },
  // An address that is no screen.
  notFound: { title: 'notFound.title', text: 'notFound.text', hint: null, back: 'notFound.back', link: '/' },
} as const satisfies Record<
  string,
  { title: TranslationKey; text: TranslationKey; hint: TranslationKey | null; back: TranslationKey; link: string }
>;

/** A screen that explains why there is nothing to show here; the address stays the one typed. */
@Component({
  selector: 'mg-notice-page',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="notice" [class.refused]="kind() === 'forbidden'" aria-labelledby="notice-title">
      <h1 id="notice-title">{{ texts().title | t }}</h1>
      <p class="text">{{ texts().text | t }}</p>
      @if (texts().hint; as hint) {
        <p>{{ hint | t }}</p>
      }
      <a mat-flat-button [routerLink]="texts().link">{{ texts().back | t }}</a>
    </section>
  `,
  styles: `
    .notice {
      max-width: 40rem;
      margin: 2rem auto;
      padding: 1.5rem;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--border-radius-8);
    }
    .refused {
      border-inline-start: 6px solid var(--mat-sys-error);
    }
    h1 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-headline-small);
    }
    .text {
      font-weight: 700;
    }
  `,
})
export class NoticePage {
  /** From the route's data. */
  readonly kind = input<keyof typeof NOTICES>('notFound');
  protected readonly texts = computed(() => NOTICES[this.kind()]);
}
