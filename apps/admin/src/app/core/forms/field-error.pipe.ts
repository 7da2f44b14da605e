import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import type { Labelled } from '@madoguchi/contracts';
import { I18n, type TranslationKey } from '../i18n';

/**
 * `<mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>`: a shared rule's refusal in the current
 * language (`{ record: { ja, en } }`, e.g. a My Number), else the text for an empty required field. Impure, like
 * the i18n pipes, so that it follows the language switch.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(errors: ValidationErrors | null | undefined, requiredKey: TranslationKey = 'common.required'): string {
    if (!errors) return '';
    if (errors['record']) return this.i18n.label(errors['record'] as Labelled);
    return errors['required'] ? this.i18n.translate(requiredKey) : '';
  }
}
