import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ConfirmOutageData {
  title: string;
  text: string;
  /** What will be recorded, one term and its value a line, already in the screen's language. */
  details: readonly { term: string; value: string }[];
  confirm: string;
  back: string;
}

/** Asks before an outage is recorded as going on now or is ended: both change what the counter and citizens see. */
@Component({
  selector: 'mg-confirm-outage-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.text }}</p>
      <dl>
        @for (line of data.details; track line.term) {
          <dt>{{ line.term }}</dt>
          <dd>{{ line.value }}</dd>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <!-- Going back is the safe answer, so it has the focus. -->
      <button mat-stroked-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ data.back }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    dt {
      font-weight: 700;
      white-space: nowrap;
    }
    dd {
      margin: 0;
    }
  `,
})
export class ConfirmOutageDialog {
  protected readonly data = inject<ConfirmOutageData>(MAT_DIALOG_DATA);
}
