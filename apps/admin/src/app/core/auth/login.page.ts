import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../http/api-error';
import { errorText } from '../http/error-text';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/i18n.pipes';
import { LanguageSwitch } from '../i18n/language-switch';
import { AuthService } from './auth.service';
import { homeOf } from './roles';

@Component({
  selector: 'mg-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  /** Where to go after signing in (query param, set by the guard and the interceptor). */
  readonly returnUrl = input<string>();
  /** Set when the API refused an expired token. */
  readonly expired = input<string>();
  /** Set when another tab of this browser signed out. */
  readonly signedOut = input<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => void this.router.navigateByUrl(this.safeReturnUrl()),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(
          error instanceof ApiError && error.status === 401
            ? this.i18n.translate('login.failed')
            : errorText(error, this.i18n),
        );
      },
    });
  }

  // Only paths inside this app: a crafted link must not send staff to another site.
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    // A bare sign-in opens the role's own home; "/" was only where the guard found nothing more specific.
    return url && url !== '/' && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login')
      ? url
      : homeOf(this.auth.user()?.role);
  }
}
