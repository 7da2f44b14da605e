import type { Route } from '@angular/router';
import { roleGuard } from '../core/auth/role.guard';
import { MANAGER_ROLES } from '../core/auth/roles';
import { titleKey } from '../core/i18n/translated-title-strategy';
import { provideCharts } from '../dashboard/echarts-setup';

/** `/reports/monthly?month=YYYY-MM`; ECharts is provided here so only this lazy chunk loads it. */
export const REPORTS_ROUTES: Route[] = [
  {
    path: 'monthly',
    title: titleKey('report.title'),
    providers: [provideCharts()],
    canActivate: [roleGuard(MANAGER_ROLES)],
    loadComponent: () => import('./monthly-report.page').then((m) => m.MonthlyReportPage),
  },
];
