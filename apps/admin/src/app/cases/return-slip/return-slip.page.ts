import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ReturnSlip } from '@madoguchi/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { errorText } from '../../core/http/error-text';
import { I18n, I18N_PIPES } from '../../core/i18n';
import { CasesApi } from '../cases-api';

type Loaded = { slip: ReturnSlip } | { error: string } | null;

/**
 * The slip handed to a citizen whose procedure could not be completed: what stood in the way, where to go, what to
 * bring, when to come back and the follow-up code that links the next visit. Printed on A5.
 */
@Component({
  selector: 'mg-return-slip-page',
  imports: [RouterLink, MatButtonModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './return-slip.page.html',
  styleUrl: './return-slip.page.scss',
  // Not encapsulated: the slip's print rules (@page, hiding the toolbar) must reach the whole document.
  encapsulation: ViewEncapsulation.None,
})
export class ReturnSlipPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);

  private readonly loaded = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.api.slip(Number(id)).pipe(
          map((slip): Loaded => ({ slip })),
          catchError((error: unknown) => of<Loaded>({ error: errorText(error, this.i18n) })),
        ),
      ),
    ),
    { initialValue: null as Loaded },
  );
  protected readonly slip = computed(() => {
    const loaded = this.loaded();
    return loaded && 'slip' in loaded ? loaded.slip : null;
  });
  protected readonly error = computed(() => {
    const loaded = this.loaded();
    return loaded && 'error' in loaded ? loaded.error : null;
  });

  protected print(): void {
    window.print();
  }
}
