import { inject } from '@angular/core';
import { type Route, Router } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';
import { roleGuard } from './core/auth/role.guard';
import { ADMIN_ROLES, homeOf, MANAGER_ROLES } from './core/auth/roles';
import { AuthService } from './core/auth/auth.service';
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
    // Public: the seed asks citizens to check congestion and phone ahead; no account needed.
    path: 'congestion',
    loadChildren: () => import('./public/congestion/congestion.routes').then((m) => m.CONGESTION_ROUTES),
  },
  {
    // Public: the waiting-room TV shows and says the numbers called; it holds no personal data.
    path: 'display',
    title: titleKey('display.title'),
    loadComponent: () => import('./public/display/display.page').then((m) => m.DisplayPage),
  },
  {
    path: '',
    // Lazy too: the toolbar's Material modules stay out of the first download on the sign-in page.
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    canActivate: [authGuard],
    children: [
      {
        // A guard, not a redirect: redirects run before the sign-in guard has learnt who is signed in.
        path: '',
        pathMatch: 'full',
        canActivate: [() => inject(Router).parseUrl(homeOf(inject(AuthService).user()?.role))],
        children: [],
      },
      {
        path: 'counter',
        title: titleKey('counter.title'),
        loadComponent: () => import('./counter/queue-board.page').then((m) => m.QueueBoardPage),
      },
      {
        path: 'cases/new',
        title: titleKey('caseForm.title'),
        loadComponent: () => import('./cases/case-form/case-form.page').then((m) => m.CaseFormPage),
      },
      {
        path: 'cases/:id/ticket',
        title: titleKey('ticket.title'),
        loadComponent: () => import('./cases/ticket/ticket.page').then((m) => m.TicketPage),
      },
      {
        path: 'cases/:id/slip',
        title: titleKey('slip.title'),
        loadComponent: () => import('./cases/return-slip/return-slip.page').then((m) => m.ReturnSlipPage),
      },
      {
        path: 'cases/:id/edit',
        title: titleKey('caseForm.editTitle'),
        loadComponent: () => import('./cases/case-form/case-form.page').then((m) => m.CaseFormPage),
      },
      {
        path: 'cases/:id',
        title: titleKey('casePage.pageTitle'),
        loadComponent: () => import('./cases/case-page/case.page').then((m) => m.CasePage),
      },
      {
        path: 'cases',
        title: titleKey('caseList.title'),
        loadComponent: () => import('./cases/case-list/case-list.page').then((m) => m.CaseListPage),
      },
      {
        path: 'dashboard',
        loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'reports',
        loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: 'outages',
        title: titleKey('outages.title'),
        canActivate: [roleGuard(MANAGER_ROLES)],
        loadComponent: () => import('./outages/outages.page').then((m) => m.OutagesPage),
      },
      {
        path: 'audit',
        title: titleKey('audit.title'),
        canActivate: [roleGuard(MANAGER_ROLES)],
        loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
      },
      {
        path: 'admin',
        canActivate: [roleGuard(ADMIN_ROLES)],
        children: [
          {
            path: 'payment-services',
            title: titleKey('paymentServices.title'),
            loadComponent: () => import('./admin/payment-services.page').then((m) => m.PaymentServicesPage),
          },
          {
            path: 'sites',
            title: titleKey('sites.title'),
            loadComponent: () => import('./admin/sites.page').then((m) => m.SitesPage),
          },
          {
            path: 'accounts',
            title: titleKey('accounts.title'),
            loadComponent: () => import('./admin/accounts.page').then((m) => m.AccountsPage),
          },
          {
            path: 'api-tokens',
            title: titleKey('apiTokens.title'),
            loadComponent: () => import('./admin/api-tokens.page').then((m) => m.ApiTokensPage),
          },
        ],
      },
      {
        path: 'forbidden',
        title: titleKey('forbidden.title'),
        data: { kind: 'forbidden' },
        loadComponent: () => import('./core/layout/notice.page').then((m) => m.NoticePage),
      },
      {
        // An address that is no screen says so, rather than quietly opening the counter.
        path: '**',
        title: titleKey('notFound.title'),
        data: { kind: 'notFound' },
        loadComponent: () => import('./core/layout/notice.page').then((m) => m.NoticePage),
      },
    ],
  },
];
