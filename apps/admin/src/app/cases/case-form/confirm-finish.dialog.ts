import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { Labelled } from '@madoguchi/contracts';
import { I18N_PIPES } from '../../core/i18n';

export interface ConfirmFinishData {
  /** What the pre-check found, each in both languages. */
  blockers: readonly Labelled[];
}

/** Asks before a case is recorded as completed although the desk's rules say it could not have been. */
@Component({
  selector: 'mg-confirm-finish-dialog',
  imports: [MatButtonModule, MatDialogModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'casePreflight.confirmTitle' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'casePreflight.confirmText' | t }}</p>
      <ul>
        @for (blocker of data.blockers; track $index) {
          <li>{{ blocker | label }}</li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <!-- Going back is the safe answer, so it has the focus. -->
      <button mat-stroked-button type="button" [mat-dialog-close]="false" cdkFocusInitial>
        {{ 'casePreflight.confirmBack' | t }}
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        {{ 'casePreflight.confirmRecord' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class ConfirmFinishDialog {
  protected readonly data = inject<ConfirmFinishData>(MAT_DIALOG_DATA);
}
