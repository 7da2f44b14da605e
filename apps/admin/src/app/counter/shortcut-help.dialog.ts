import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '../core/i18n/i18n.pipes';
import { BOARD_SHORTCUTS } from './shortcuts';

/** The list behind `?`. */
@Component({
  selector: 'mg-shortcut-help-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'shortcuts.title' | t }}</h2>
    <mat-dialog-content>
      <table>
        <thead>
          <tr>
            <th scope="col">{{ 'shortcuts.key' | t }}</th>
            <th scope="col">{{ 'shortcuts.action' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (shortcut of shortcuts; track shortcut.action) {
            <tr>
              <td>
                @for (key of shortcut.keys; track key) {
                  <kbd>{{ key }}</kbd>
                }
              </td>
              <td>{{ shortcut.action | t }}</td>
            </tr>
          }
        </tbody>
      </table>
      <p>{{ 'shortcuts.note' | t }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>{{ 'shortcuts.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.25rem 1rem 0.25rem 0;
      text-align: start;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    kbd {
      display: inline-block;
      min-width: 1.5em;
      margin-inline-end: 0.25rem;
      padding: 0 0.35em;
      text-align: center;
      font-family: inherit;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
    }
  `,
})
export class ShortcutHelpDialog {
  protected readonly shortcuts = BOARD_SHORTCUTS;
}
