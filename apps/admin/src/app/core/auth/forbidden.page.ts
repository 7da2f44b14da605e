import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.pipes';

/** What a role sees on a screen it may not use (the address stays the one typed). */
@Component({
  selector: 'mg-forbidden-page',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="forbidden" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{{ 'forbidden.title' | t }}</h1>
      <p class="text">{{ 'forbidden.text' | t }}</p>
      <p>{{ 'forbidden.hint' | t }}</p>
      <a mat-flat-button routerLink="/counter">{{ 'forbidden.back' | t }}</a>
    </section>
  `,
  styles: `
    .forbidden {
      max-width: 40rem;
      margin: 2rem auto;
      padding: 1.5rem;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-inline-start: 6px solid var(--mat-sys-error);
      border-radius: var(--border-radius-8);
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
export class ForbiddenPage {}
