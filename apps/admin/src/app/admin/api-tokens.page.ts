import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  API_TOKEN_DAYS,
  API_TOKEN_SCOPE_LABELS,
  API_TOKEN_SCOPES,
  type ApiToken,
  type ApiTokenScope,
  type ApiTokenState,
  type CreatedApiToken,
} from '@madoguchi/contracts';
import { FieldErrorPipe } from '../core/forms/field-error.pipe';
import { noMyNumber } from '../core/forms/validators';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES, type TranslationKey } from '../core/i18n';
import { ApiTokensApi } from './api-tokens-api';
import { saveAndClose } from './save-and-close';

/** Names a token, picks its scopes and how many days it lives; closes with the created token and its secret. */
@Component({
  selector: 'mg-api-token-dialog',
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'apiTokens.newTitle' | t }}</h2>
    <mat-dialog-content>
      @if (failure(); as message) {
        <p class="page-message error" role="alert">{{ message }}</p>
      }
      <form id="api-token-form" class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'apiTokens.name' | t }}</mat-label>
          <input matInput formControlName="name" required maxlength="100" autocomplete="off" />
          <mat-hint>{{ 'apiTokens.nameHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
        <fieldset class="scopes" [attr.aria-describedby]="scopesMissing() ? 'api-token-scopes-error' : null">
          <legend>{{ 'apiTokens.scopes' | t }}</legend>
          @for (scope of scopes; track scope) {
            <mat-checkbox [checked]="chosen().includes(scope)" (change)="toggle(scope, $event.checked)">
              {{ scopeLabels[scope] | label }}
            </mat-checkbox>
          }
          @if (scopesMissing()) {
            <p id="api-token-scopes-error" class="scopes-error" role="alert">{{ 'apiTokens.scopesHint' | t }}</p>
          }
        </fieldset>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'apiTokens.days' | t }}</mat-label>
          <input matInput type="number" formControlName="days" required [min]="days.min" [max]="days.max" step="1" />
          <mat-hint>{{ 'apiTokens.daysHint' | t }}</mat-hint>
          <mat-error>{{ 'apiTokens.daysInvalid' | t }}</mat-error>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close>{{ 'catalog.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="api-token-form" [disabled]="saving()">
        {{ (saving() ? 'apiTokens.creating' : 'apiTokens.create') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .scopes {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
    }
    legend {
      padding: 0;
      margin-bottom: 0.25rem;
    }
    .scopes-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error, #b3261e);
    }
  `,
})
export class ApiTokenDialog {
  private readonly dialogRef = inject<MatDialogRef<ApiTokenDialog, CreatedApiToken>>(MatDialogRef);
  private readonly api = inject(ApiTokensApi);
  private readonly i18n = inject(I18n);
  protected readonly scopes = API_TOKEN_SCOPES;
  protected readonly scopeLabels = API_TOKEN_SCOPE_LABELS;
  protected readonly days = API_TOKEN_DAYS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100), noMyNumber]],
    days: [
      API_TOKEN_DAYS.default as number,
      [
        Validators.required,
        Validators.min(API_TOKEN_DAYS.min),
        Validators.max(API_TOKEN_DAYS.max),
        Validators.pattern(/^\d+$/),
      ],
    ],
  });
  // Statistics is what the city's dashboards read, so it starts ticked.
  protected readonly chosen = signal<ApiTokenScope[]>(['stats']);
  protected readonly scopesMissing = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected toggle(scope: ApiTokenScope, on: boolean): void {
    this.chosen.update((now) => API_TOKEN_SCOPES.filter((s) => (s === scope ? on : now.includes(s))));
    if (on) this.scopesMissing.set(false);
  }

  protected save(): void {
    const noScope = this.chosen().length === 0;
    this.scopesMissing.set(noScope);
    if (this.form.invalid || noScope || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, days } = this.form.getRawValue();
    saveAndClose(this.api.create({ name: name.trim(), scopes: this.chosen(), days: Number(days) }), {
      ref: this.dialogRef,
      saving: this.saving,
      failure: this.failure,
      i18n: this.i18n,
    });
  }
}

/** Shows a new token's secret, the only time it can be seen, with a copy button. */
@Component({
  selector: 'mg-api-token-secret-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'apiTokens.secretTitle' | t: { name: token.name } }}</h2>
    <mat-dialog-content>
      <p class="warning" id="api-token-secret-warning">{{ 'apiTokens.secretWarning' | t }}</p>
      <mat-form-field appearance="outline" class="secret">
        <mat-label>{{ 'apiTokens.secretLabel' | t }}</mat-label>
        <input
          matInput
          readonly
          [value]="token.secret"
          aria-describedby="api-token-secret-warning"
          (focus)="select($event)"
          spellcheck="false"
          autocomplete="off"
        />
      </mat-form-field>
      <div role="status">
        @if (copyState(); as state) {
          <p class="page-message" [class.error]="state === 'failed'">
            {{ (state === 'copied' ? 'apiTokens.copied' : 'apiTokens.copyFailed') | t }}
          </p>
        }
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" (click)="copy()">{{ 'apiTokens.copy' | t }}</button>
      <button mat-flat-button type="button" mat-dialog-close>{{ 'apiTokens.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .warning {
      font-weight: 700;
    }
    .secret {
      width: 100%;
    }
    .secret input {
      font-family: ui-monospace, 'Noto Sans Mono', monospace;
    }
  `,
})
export class ApiTokenSecretDialog {
  protected readonly token = inject<CreatedApiToken>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly copyState = signal<'copied' | 'failed' | null>(null);

  protected copy(): void {
    this.copyState.set(this.clipboard.copy(this.token.secret) ? 'copied' : 'failed');
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}

/** Asks before a token is revoked: whatever uses it stops at once, for good. */
@Component({
  selector: 'mg-revoke-api-token-dialog',
  imports: [MatButtonModule, MatDialogModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'apiTokens.revokeTitle' | t: { name: token.name } }}</h2>
    <mat-dialog-content>
      <p>{{ 'apiTokens.revokeText' | t }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" [mat-dialog-close]="false" cdkFocusInitial>
        {{ 'catalog.cancel' | t }}
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">
        {{ 'apiTokens.revokeConfirm' | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class RevokeApiTokenDialog {
  protected readonly token = inject<ApiToken>(MAT_DIALOG_DATA);
}

const STATE_KEYS: Readonly<Record<ApiTokenState, TranslationKey>> = {
  active: 'apiTokens.states.active',
  revoked: 'apiTokens.states.revoked',
  expired: 'apiTokens.states.expired',
};

/** Read-only API tokens for machines: list, create (the secret shown once), revoke. */
@Component({
  selector: 'mg-api-tokens-page',
  imports: [MatButtonModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'apiTokens.title' | t }}</h1>
      <button mat-flat-button type="button" (click)="create()">{{ 'catalog.add' | t }}</button>
    </div>
    <p class="intro">{{ 'apiTokens.intro' | t }}</p>
    <div role="status">
      @if (message(); as m) {
        <p class="page-message" [class.error]="m.error">{{ m.text }}</p>
      }
    </div>
    <div class="data-table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{{ 'apiTokens.name' | t }}</th>
            <th scope="col">{{ 'apiTokens.scopes' | t }}</th>
            <th scope="col">{{ 'apiTokens.prefix' | t }}</th>
            <th scope="col">{{ 'apiTokens.createdAt' | t }}</th>
            <th scope="col">{{ 'apiTokens.expiresAt' | t }}</th>
            <th scope="col">{{ 'apiTokens.lastUsedAt' | t }}</th>
            <th scope="col">{{ 'apiTokens.state' | t }}</th>
            <th scope="col">{{ 'catalog.actions' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (token of tokens(); track token.id) {
            <tr>
              <td>{{ token.name }}</td>
              <td>{{ scopeText(token) }}</td>
              <td>
                <code>{{ token.prefix }}…</code>
              </td>
              <td>{{ 'apiTokens.createdAtBy' | t: { at: (token.createdAt | tokyoDateTime), by: token.createdBy } }}</td>
              <td>{{ token.expiresAt | tokyoDateTime }}</td>
              <td>
                @if (token.lastUsedAt) {
                  {{ token.lastUsedAt | tokyoDateTime }}
                } @else {
                  {{ 'apiTokens.neverUsed' | t }}
                }
              </td>
              <td>{{ stateKeys[token.state] | t }}</td>
              <td>
                @if (token.state === 'active') {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="revoke(token)"
                    [attr.aria-label]="i18n.translate('apiTokens.revoke') + ': ' + token.name"
                  >
                    {{ 'apiTokens.revoke' | t }}
                  </button>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="8">{{ 'catalog.empty' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 90rem;
      margin-inline: auto;
    }
    .intro {
      max-width: 60rem;
    }
  `,
})
export class ApiTokensPage {
  private readonly api = inject(ApiTokensApi);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18n);

  protected readonly stateKeys = STATE_KEYS;
  protected readonly tokens = signal<ApiToken[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  constructor() {
    this.load();
  }

  protected scopeText(token: ApiToken): string {
    return token.scopes
      .map((scope) => this.i18n.label(API_TOKEN_SCOPE_LABELS[scope]))
      .join(this.i18n.lang() === 'ja' ? '、' : ', ');
  }

  protected create(): void {
    this.dialog
      .open<ApiTokenDialog, void, CreatedApiToken>(ApiTokenDialog, { maxWidth: '32rem' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.load();
        // Closed only by its button: the secret must not vanish on a stray Escape or click outside.
        this.dialog.open<ApiTokenSecretDialog, CreatedApiToken>(ApiTokenSecretDialog, {
          data: created,
          maxWidth: '40rem',
          disableClose: true,
        });
      });
  }

  protected revoke(token: ApiToken): void {
    this.dialog
      .open<RevokeApiTokenDialog, ApiToken, boolean>(RevokeApiTokenDialog, { data: token, maxWidth: '32rem' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.api.revoke(token.id).subscribe({
          next: (revoked) => {
            this.message.set({ text: this.i18n.translate('apiTokens.revoked', { name: revoked.name }), error: false });
            this.load();
          },
          error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
        });
      });
  }

  private load(): void {
    this.api.list().subscribe({
      next: (tokens) => this.tokens.set(tokens),
      error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
    });
  }
}
