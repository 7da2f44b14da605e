import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { SupportCase } from '@madoguchi/contracts';
import { tokyoDate } from '@madoguchi/rules';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { CatalogApi } from '../../admin/catalog-api';
import { errorText } from '../../core/http/error-text';
import { formatTokyoDate, formatTokyoTime, I18n, I18N_PIPES } from '../../core/i18n';
import { CasesApi } from '../cases-api';

type Loaded = { supportCase: SupportCase; siteName: string } | { error: string } | null;

/**
 * The small ticket handed at reception: the number the waiting-room display calls, the site and the time. Printed on
 * a receipt-sized sheet (80 mm wide); read out instead where there is no printer.
 */
@Component({
  selector: 'mg-ticket-page',
  imports: [RouterLink, MatButtonModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ticket.page.html',
  styleUrl: './ticket.page.scss',
  // Not encapsulated: the ticket's print rules (@page, hiding the toolbar) must reach the whole document.
  encapsulation: ViewEncapsulation.None,
})
export class TicketPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly cases = inject(CasesApi);
  private readonly catalog = inject(CatalogApi);
  private readonly i18n = inject(I18n);

  private readonly loaded = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        forkJoin({
          supportCase: this.cases.get(Number(id)),
          sites: this.catalog.sites().pipe(catchError(() => of([]))),
        }).pipe(
          map(({ supportCase, sites }): Loaded => ({
            supportCase,
            siteName: sites.find((s) => s.id === supportCase.siteId)?.name ?? '',
          })),
          catchError((error: unknown) => of<Loaded>({ error: errorText(error, this.i18n) })),
        ),
      ),
    ),
    { initialValue: null as Loaded },
  );

  protected readonly ticket = computed(() => {
    const loaded = this.loaded();
    if (!loaded || !('supportCase' in loaded)) return null;
    const c = loaded.supportCase;
    return {
      number: c.ticket,
      siteName: loaded.siteName,
      receivedAt: this.i18n.translate('ticket.receivedAt', {
        date: formatTokyoDate(tokyoDate(c.arrivedAt), this.i18n.lang()),
        time: formatTokyoTime(c.arrivedAt),
      }),
    };
  });
  protected readonly error = computed(() => {
    const loaded = this.loaded();
    return loaded && 'error' in loaded ? loaded.error : null;
  });

  protected print(): void {
    window.print();
  }
}
