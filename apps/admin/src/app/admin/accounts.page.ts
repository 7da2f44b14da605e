import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type Account, type Role, ROLE_LABELS, ROLES, type Site } from '@madoguchi/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { FieldErrorPipe } from '../core/forms/field-error.pipe';
import { noMyNumber } from '../core/forms/validators';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES } from '../core/i18n';
import { CatalogApi } from './catalog-api';
import { saveAndClose } from './save-and-close';

/** As the API: long beats complex. */
const PASSWORD_MIN_LENGTH = 12;

interface AccountDialogData {
  account: Account | null;
  sites: readonly Site[];
}

/** Creates an account (with its first password) or changes one's name, role and site. */
@Component({
  selector: 'mg-account-dialog',
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ data.account ? ('accounts.editTitle' | t: { name: data.account.displayName }) : ('accounts.newTitle' | t) }}
    </h2>
    <mat-dialog-content>
      @if (failure(); as message) {
        <p class="page-message error" role="alert">{{ message }}</p>
      }
      <form id="account-form" class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        @if (!data.account) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'accounts.username' | t }}</mat-label>
            <input matInput formControlName="username" required autocomplete="off" />
            <mat-hint>{{ 'accounts.usernameHint' | t }}</mat-hint>
            <mat-error>{{ 'accounts.usernameHint' | t }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.displayName' | t }}</mat-label>
          <input matInput formControlName="displayName" required />
          <mat-error>{{ form.controls.displayName.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.role' | t }}</mat-label>
          <select matNativeControl formControlName="role">
            @for (role of roles; track role) {
              <option [value]="role">{{ roleLabels[role] | label }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.site' | t }}</mat-label>
          <select matNativeControl formControlName="siteId">
            <option [ngValue]="null">{{ 'accounts.siteNone' | t }}</option>
            @for (site of data.sites; track site.id) {
              <option [ngValue]="site.id">{{ site.name }}</option>
            }
          </select>
        </mat-form-field>
        @if (!data.account) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'accounts.password' | t }}</mat-label>
            <input matInput type="password" formControlName="password" required autocomplete="new-password" />
            <mat-hint>{{ 'accounts.passwordHint' | t }}</mat-hint>
            <mat-error>{{ 'accounts.passwordTooShort' | t }}</mat-error>
          </mat-form-field>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close>{{ 'catalog.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="account-form" [disabled]="saving()">
        {{ (saving() ? 'catalog.saving' : 'catalog.save') | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class AccountDialog {
  protected readonly data = inject<AccountDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<AccountDialog, Account>>(MatDialogRef);
  private readonly api = inject(CatalogApi);
  private readonly i18n = inject(I18n);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', this.data.account ? [] : [Validators.required, Validators.pattern(/^[a-z0-9._-]{2,64}$/i)]],
    displayName: [this.data.account?.displayName ?? '', [Validators.required, noMyNumber]],
    role: [(this.data.account?.role ?? 'staff') as Role],
    siteId: [this.data.account?.siteId ?? (null as number | null)],
    password: ['', this.data.account ? [] : [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, displayName, role, siteId, password } = this.form.getRawValue();
    const account = this.data.account;
    const call = account
      ? this.api.updateAccount(account.id, { displayName: displayName.trim(), role, siteId })
      : this.api.createAccount({ username: username.trim(), displayName: displayName.trim(), role, siteId, password });
    saveAndClose(call, { ref: this.dialogRef, saving: this.saving, failure: this.failure, i18n: this.i18n });
  }
}

/** Sets a new password for an account; the API ends that account's sign-ins. */
@Component({
  selector: 'mg-reset-password-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'accounts.resetTitle' | t: { name: account.displayName } }}</h2>
    <mat-dialog-content>
      @if (failure(); as message) {
        <p class="page-message error" role="alert">{{ message }}</p>
      }
      <form id="reset-form" class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'accounts.newPassword' | t }}</mat-label>
          <input matInput type="password" formControlName="password" required autocomplete="new-password" />
          <mat-hint>{{ 'accounts.passwordHint' | t }}</mat-hint>
          <mat-error>{{ 'accounts.passwordTooShort' | t }}</mat-error>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close>{{ 'catalog.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="reset-form" [disabled]="saving()">
        {{ 'accounts.reset' | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ResetPasswordDialog {
  protected readonly account = inject<Account>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialog, Account>>(MatDialogRef);
  private readonly api = inject(CatalogApi);
  private readonly i18n = inject(I18n);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    saveAndClose(this.api.resetPassword(this.account.id, this.form.getRawValue().password), {
      ref: this.dialogRef,
      saving: this.saving,
      failure: this.failure,
      i18n: this.i18n,
    });
  }
}

/** Staff accounts: create, change role or site, disable or enable, reset a password. */
@Component({
  selector: 'mg-accounts-page',
  imports: [MatButtonModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'accounts.title' | t }}</h1>
      <button mat-flat-button type="button" (click)="edit(null)">{{ 'catalog.add' | t }}</button>
    </div>
    <div role="status">
      @if (message(); as m) {
        <p class="page-message" [class.error]="m.error">{{ m.text }}</p>
      }
    </div>
    <div class="data-table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{{ 'accounts.username' | t }}</th>
            <th scope="col">{{ 'accounts.displayName' | t }}</th>
            <th scope="col">{{ 'accounts.role' | t }}</th>
            <th scope="col">{{ 'accounts.site' | t }}</th>
            <th scope="col">{{ 'accounts.state' | t }}</th>
            <th scope="col">{{ 'catalog.actions' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (a of accounts(); track a.id) {
            <tr>
              <td>
                {{ a.username }}
                @if (a.username === me()) {
                  {{ 'accounts.self' | t }}
                }
              </td>
              <td>{{ a.displayName }}</td>
              <td>{{ roleLabels[a.role] | label }}</td>
              <td>{{ siteName(a.siteId) }}</td>
              <td>{{ (a.disabled ? 'accounts.disabled' : 'accounts.enabled') | t }}</td>
              <td>
                <div class="actions">
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="edit(a)"
                    [attr.aria-label]="label('catalog.edit', a)"
                  >
                    {{ 'catalog.edit' | t }}
                  </button>
                  @if (a.username !== me()) {
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="setDisabled(a, !a.disabled)"
                      [attr.aria-label]="label(a.disabled ? 'accounts.enable' : 'accounts.disable', a)"
                    >
                      {{ (a.disabled ? 'accounts.enable' : 'accounts.disable') | t }}
                    </button>
                  }
                  <button
                    mat-button
                    type="button"
                    (click)="resetPassword(a)"
                    [attr.aria-label]="label('accounts.resetPassword', a)"
                  >
                    {{ 'accounts.resetPassword' | t }}
                  </button>
                </div>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="6">{{ 'catalog.empty' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 80rem;
      margin-inline: auto;
    }
  `,
})
export class AccountsPage {
  private readonly api = inject(CatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly accounts = signal<Account[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly me = computed(() => this.auth.user()?.username ?? null);
  private readonly sites = toSignal(this.api.sites().pipe(catchError(() => of([] as Site[]))), { initialValue: [] });

  constructor() {
    this.load();
  }

  protected siteName(id: number | null): string {
    return this.sites().find((s) => s.id === id)?.name ?? this.i18n.translate('common.none');
  }

  // Buttons repeat per row, so each names its account for screen readers.
  protected label(key: 'catalog.edit' | 'accounts.enable' | 'accounts.disable' | 'accounts.resetPassword', a: Account) {
    return `${this.i18n.translate(key)}: ${a.displayName}(${a.username})`;
  }

  protected edit(account: Account | null): void {
    this.dialog
      .open<AccountDialog, AccountDialogData, Account>(AccountDialog, {
        data: { account, sites: this.sites() },
        maxWidth: '32rem',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.saved(this.i18n.translate('catalog.saved'));
      });
  }

  protected setDisabled(account: Account, disabled: boolean): void {
    this.api.updateAccount(account.id, { disabled }).subscribe({
      next: () => this.saved(this.i18n.translate('catalog.saved')),
      error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
    });
  }

  protected resetPassword(account: Account): void {
    this.dialog
      .open<ResetPasswordDialog, Account, Account>(ResetPasswordDialog, { data: account, maxWidth: '28rem' })
      .afterClosed()
      .subscribe((done) => {
        if (done) this.saved(this.i18n.translate('accounts.resetDone', { name: done.displayName }));
      });
  }

  private saved(text: string): void {
    this.message.set({ text, error: false });
    this.load();
  }

  private load(): void {
    this.api.accounts().subscribe({
      next: (page) => this.accounts.set(page.items),
      error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
    });
  }
}
