import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import {
  type IsActiveMatchOptions,
  type Params,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { type Role, ROLE_LABELS } from '@madoguchi/contracts';
import { AuthService } from '../auth/auth.service';
import { ADMIN_ROLES, homeOf, MANAGER_ROLES } from '../auth/roles';
import type { TranslationKey } from '../i18n/dictionary';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/i18n.pipes';
import { LanguageSwitch } from '../i18n/language-switch';
import { tokyoToday } from '../i18n/tokyo-time';

const EVERYONE: readonly Role[] = ['staff', 'manager', 'admin'];

/** The menu; each entry lists the roles whose API calls behind it would succeed. */
interface NavItem {
  path: string;
  label: TranslationKey;
  roles: readonly Role[];
  /** Opens on today's cases: the case list without dates covers every day, and says so. */
  today?: boolean;
}

const NAV_ITEMS: readonly NavItem[] = [
  { path: '/counter', label: 'nav.counter', roles: EVERYONE },
  { path: '/cases/new', label: 'nav.newCase', roles: EVERYONE },
  { path: '/cases', label: 'nav.caseList', roles: EVERYONE, today: true },
  { path: '/dashboard', label: 'dashboard.nav', roles: MANAGER_ROLES },
  { path: '/outages', label: 'nav.outages', roles: MANAGER_ROLES },
  { path: '/audit', label: 'nav.audit', roles: MANAGER_ROLES },
  { path: '/admin/payment-services', label: 'nav.paymentServices', roles: ADMIN_ROLES },
  { path: '/admin/sites', label: 'nav.sites', roles: ADMIN_ROLES },
  { path: '/admin/accounts', label: 'nav.accounts', roles: ADMIN_ROLES },
  { path: '/admin/api-tokens', label: 'nav.apiTokens', roles: ADMIN_ROLES },
];

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

  constructor() {
    // Every screen in this frame needs the session: when another tab ends it, this one goes to sign-in at once.
    const router = inject(Router);
    this.auth.signedOutElsewhere.pipe(takeUntilDestroyed()).subscribe(() => {
      void router.navigate(['/login'], { queryParams: { returnUrl: router.url, signedOut: 1 } });
    });
  }

  /** Only what the role may use: a staff member never meets a menu entry that would answer 403. */
  protected readonly navItems = computed(() => {
    const role = this.auth.user()?.role;
    return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
  });

  // A filtered list is still the list: the menu entry stays marked whatever its query says.
  protected readonly activeOptions: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };

  protected todayParams(item: NavItem): Params | null {
    if (!item.today) return null;
    const today = tokyoToday();
    return { from: today, to: today };
  }

  protected readonly home = computed(() => homeOf(this.auth.user()?.role));

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
