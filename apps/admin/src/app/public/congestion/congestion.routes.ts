import type { Route } from '@angular/router';
import { provideCharts } from '../../dashboard/echarts-setup';
import { titleKey } from '../../core/i18n/translated-title-strategy';

/** `/congestion`, public; ECharts is provided here so that the sign-in page never loads it. */
export const CONGESTION_ROUTES: Route[] = [
  {
    path: '',
    title: titleKey('congestion.title'),
    providers: [provideCharts()],
    loadComponent: () => import('./congestion.page').then((m) => m.CongestionPage),
  },
];
