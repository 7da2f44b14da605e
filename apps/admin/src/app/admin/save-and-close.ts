import type { WritableSignal } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import type { Observable } from 'rxjs';
import { errorText } from '../core/http/error-text';
import type { I18n } from '../core/i18n';

/** A catalogue dialog's save: closes with what was stored, or stays open saying why it was not. */
export function saveAndClose<T>(
  call: Observable<T>,
  dialog: {
    ref: MatDialogRef<unknown, T>;
    saving: WritableSignal<boolean>;
    failure: WritableSignal<string | null>;
    i18n: I18n;
  },
): void {
  dialog.saving.set(true);
  call.subscribe({
    next: (saved) => dialog.ref.close(saved),
    error: (error: unknown) => {
      dialog.saving.set(false);
      dialog.failure.set(`${dialog.i18n.translate('catalog.failed')}: ${errorText(error, dialog.i18n)}`);
    },
  });
}
