import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.pipes';

/** What an address that is no screen shows, instead of quietly opening another one (the address stays as typed). */
@Component({
  selector: 'mg-not-found-page',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{{ 'notFound.title' | t }}</h1>
      <p class="text">{{ 'notFound.text' | t }}</p>
      <a mat-flat-button routerLink="/">{{ 'notFound.back' | t }}</a>
    </section>
  `,
  styles: `
    .not-found {
      max-width: 40rem;
      margin: 2rem auto;
      padding: 1.5rem;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--border-radius-8);
    }
    h1 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class NotFoundPage {}
