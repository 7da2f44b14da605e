import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { IsoInstant } from '@madoguchi/contracts';
import { I18n } from './i18n';
import { LabelPipe, TranslatePipe } from './i18n.pipes';
import { formatTokyoDateTime } from './tokyo-time';

// Apart from the text pipes because it pulls in @madoguchi/rules (luxon, the holiday table): the sign-in page,
// which needs only text, stays small.

/** `{{ supportCase.arrivedAt | tokyoDateTime }}` → 2020年11月24日(火) 8:30 */
@Pipe({ name: 'tokyoDateTime', pure: false })
export class TokyoDateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(instant: IsoInstant | null | undefined): string {
    return instant ? formatTokyoDateTime(instant, this.i18n.lang()) : '';
  }
}

/** Every i18n pipe, for screens that show dates. */
export const I18N_PIPES = [TranslatePipe, LabelPipe, TokyoDateTimePipe] as const;
