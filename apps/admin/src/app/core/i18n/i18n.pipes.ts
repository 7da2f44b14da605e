import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { Labelled } from '@madoguchi/contracts';
import type { TranslationKey, TranslationParams } from './dictionary';
import { I18n } from './i18n';

// The pipes are impure so that they run on every check and read the language signal: a pure pipe
// would cache the first language's text and the template would not follow the switch.

/** `{{ 'caseForm.status' | t }}` */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.translate(key, params);
  }
}

/** `{{ CASE_STATUS_LABELS[status] | label }}` */
@Pipe({ name: 'label', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(labelled: Labelled | null | undefined): string {
    return this.i18n.label(labelled);
  }
}
