import type { Route } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';
import { titleKey } from './core/i18n/translated-title-strategy';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: titleKey('login.title'),
    loadComponent: () => import('./core/auth/login.page').then((m) => m.LoginPage),
  },
  {
    // Public: citizens check their procedure before coming, without an account.
    path: 'self-check',
    title: titleKey('selfCheck.title'),
    loadComponent: () => import('./public/self-check/self-check.page').then((m) => m.SelfCheckPage),
  },
  {
    path: '',
    // Lazy too: the toolbar's Material modules stay out of the first download on the sign-in page.
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'cases/new' },
      {
        path: 'cases/new',
        title: titleKey('caseForm.title'),
        loadComponent: () => import('./cases/case-form/case-form.page').then((m) => m.CaseFormPage),
      },
      {
        path: 'cases',
        title: titleKey('caseList.title'),
        loadComponent: () => import('./cases/case-list/case-list.page').then((m) => m.CaseListPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
