import type { Route } from '@angular/router';
import { roleGuard } from '../core/auth/role.guard';
import { MANAGER_ROLES } from '../core/auth/roles';
import { titleKey } from '../core/i18n/translated-title-strategy';
import { provideCharts } from './echarts-setup';

/** `/dashboard`; ECharts is provided here so that only this lazy chunk loads it. */
export const DASHBOARD_ROUTES: Route[] = [
  {
    path: '',
    title: titleKey('dashboard.title'),
    providers: [provideCharts()],
    canActivate: [roleGuard(MANAGER_ROLES)],
    loadComponent: () => import('./dashboard.page').then((m) => m.DashboardPage),
  },
];
