import type { OutageImpact, TokyoDate } from '@madoguchi/contracts';
import { ScatterChart } from 'echarts/charts';
import { type EChartsCoreOption, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { tokyoToday } from '../core/i18n';

// What the report draws beyond the dashboard's charts: the outage numbers and the layout that keeps them apart.
use([ScatterChart, LabelLayout]);

/**
 * The report's own font string. zrender measures one wide character once per font string and reuses that width for
 * every Japanese character, so a screen drawn before the web font arrived would leave a wrong width behind; the report
 * loads the font first (`loadReportFont`) and measures under a string no other screen has used.
 */
export const REPORT_FONT_FAMILY = "'Noto Sans JP', 'Noto Sans CJK JP', sans-serif";

/** Numbers the outages ①, ② … in the chart and the table alike. */
export function outageMark(index: number): string {
  // ① is U+2460; the circled numbers run to ⑳.
  return index < 20 ? String.fromCodePoint(0x2460 + index) : `(${index + 1})`;
}

/** Resolves once Noto Sans JP can draw `text`, so that the charts measure their labels with the font they print in. */
export async function loadReportFont(doc: Document, text: string): Promise<void> {
  // '国' is the character zrender measures for every wide character.
  const sample = `国${text}`;
  try {
    await Promise.all(['400 11px', '400 12px'].map((size) => doc.fonts.load(`${size} "Noto Sans JP"`, sample)));
  } catch {
    // Without the web font the charts still draw, measured with whatever font the browser falls back to.
  }
}

/** A chart option with every text in the report's font string. */
export function inReportFont(option: EChartsCoreOption): EChartsCoreOption {
  const withFont = (style: unknown) => ({ ...(style as object), fontFamily: REPORT_FONT_FAMILY });
  const legend = option['legend'] as { textStyle?: unknown } | undefined;
  return {
    ...option,
    textStyle: withFont(option['textStyle']),
    ...(legend ? { legend: { ...legend, textStyle: withFont(legend.textStyle) } } : {}),
  };
}

/**
 * A category axis on the left whose labels are read whole on paper rather than cut short with "…": a long (English)
 * label breaks onto a second line, which the report's taller reasons chart has room for.
 */
export function withWholeCategoryLabels(option: EChartsCoreOption, width: number): EChartsCoreOption {
  const axis = option['yAxis'] as { axisLabel?: object };
  return {
    ...option,
    yAxis: { ...axis, axisLabel: { ...axis.axisLabel, width, overflow: 'break', lineHeight: 13 } },
  };
}

interface MarkAreaSeries {
  name?: string;
  markArea?: { label?: object };
}

/**
 * The daily chart for paper: the outage bands carry the outages' numbers (①, ②, … as in the report's table) in
 * small boxes that ECharts shifts sideways rather than letting them overlap, instead of one long name per band.
 */
export function numberedOutageBands(
  option: EChartsCoreOption,
  dates: readonly TokyoDate[],
  outages: readonly OutageImpact[],
): EChartsCoreOption {
  const series = (option['series'] as MarkAreaSeries[]).map((s) =>
    s.markArea ? { ...s, markArea: { ...s.markArea, label: { ...s.markArea.label, show: false } } } : s,
  );
  const grid = option['grid'] as { top: number };
  const marks = outages
    .map((outage, index) => ({ day: middleDay(dates, outage), mark: outageMark(index) }))
    .filter((m): m is { day: TokyoDate; mark: string } => m.day !== null);
  const numbers = {
    type: 'scatter',
    silent: true,
    symbolSize: 0,
    tooltip: { show: false },
    data: marks.map((m) => ({ value: [m.day, 0], name: m.mark })),
    label: {
      show: true,
      formatter: '{b}',
      fontSize: 12,
      color: '#1a1a1a',
      backgroundColor: '#fff',
      borderColor: '#666',
      borderWidth: 1,
      borderRadius: 2,
      padding: [1, 2],
    },
    // Every number at the top of the plot; neighbours pushed apart, and hidden only if still on top of each other.
    labelLayout: { y: grid.top + 4, verticalAlign: 'top', moveOverlap: 'shiftX', hideOverlap: true },
  };
  return {
    ...option,
    legend: { ...(option['legend'] as object), data: series.map((s) => s.name).filter(Boolean) },
    series: [...series, numbers],
  };
}

/** The day in the middle of the part of `outage` inside `dates`; null when it lies outside them. */
function middleDay(dates: readonly TokyoDate[], outage: OutageImpact): TokyoDate | null {
  const start = tokyoToday(new Date(outage.startsAt));
  const end = outage.endsAt ? tokyoToday(new Date(outage.endsAt)) : (dates[dates.length - 1] ?? start);
  const inside = dates.filter((day) => day >= start && day <= end);
  return inside[Math.floor((inside.length - 1) / 2)] ?? null;
}
