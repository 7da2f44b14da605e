import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@madoguchi/contracts';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/i18n.pipes';
import { LanguageSwitch } from '../i18n/language-switch';

/** The signed-in frame: toolbar with navigation, who is signed in, language and sign-out. */
@Component({
  selector: 'mg-shell',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18n);

  protected readonly userText = computed(() => {
    const user = this.auth.user();
    return user
      ? this.i18n.translate('nav.user', { name: user.displayName, role: this.i18n.label(ROLE_LABELS[user.role]) })
      : '';
  });

  protected signOut(): void {
    this.auth.logout();
  }
}
