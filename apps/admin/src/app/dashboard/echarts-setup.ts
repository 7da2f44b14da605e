import type { Provider } from '@angular/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { provideEchartsCore } from 'ngx-echarts';

// Only the parts the charts use are registered, so the lazy chunk stays small; the file is imported only by
// lazy routes, which keeps ECharts out of the sign-in page's download.
echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  MarkAreaComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** ECharts for a lazy route's charts. */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts });
}
