import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { TranslatePipe } from './core/i18n/i18n.pipes';
import { NavigationFailure } from './core/navigation/navigation-failure';

@Component({
  selector: 'mg-root',
  imports: [RouterOutlet, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failure.failedUrl(); as url) {
      <p class="page-message error" role="alert">
        {{ 'navigation.failed' | t }} <a [href]="url">{{ 'navigation.reload' | t }}</a>
      </p>
    }
    <router-outlet />
  `,
})
export class App {
  protected readonly failure = inject(NavigationFailure);

  constructor() {
    // The message stays until a screen opens.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.failure.failedUrl.set(null));
  }
}
