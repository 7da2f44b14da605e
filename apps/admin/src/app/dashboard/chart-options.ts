import type { DailyStatsRow, HeatmapCell, OutageImpact, TokyoDate } from '@madoguchi/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { DateTime } from 'luxon';
import { TOKYO } from '../core/i18n';
import type { ParetoRow } from './pareto';

/** Okabe–Ito: colours that stay distinct under the common colour-vision deficiencies. */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** A single-hue blue ramp: busy reads as dark whatever the reader's colour vision. */
const HEAT_RAMP = ['#f1f7fd', '#9fcbec', '#56B4E9', '#0072B2', '#0a3a66'];

// The staff screens' font stack (styles.scss): the device's Noto Sans CJK JP when it has one, else the web font.
const FONT = { fontFamily: "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif", fontSize: 12, color: '#1a1a1a' };

/** The public pages' font stack (styles.scss): the device's Japanese font, the web font only where it has none. */
const PUBLIC_FONT_FAMILY =
  "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic UI', Meiryo, 'Noto Sans CJK JP', sans-serif, 'Noto Sans JP'";

/** A chart option whose text is drawn in the public pages' font, for a chart a citizen sees. */
export function inPublicFont(option: EChartsCoreOption): EChartsCoreOption {
  return { ...option, textStyle: { ...(option['textStyle'] as object), fontFamily: PUBLIC_FONT_FAMILY } };
}

const BASE: EChartsCoreOption = {
  textStyle: FONT,
  animation: false,
  tooltip: { textStyle: { fontFamily: FONT.fontFamily } },
};

/** Words a chart needs, already in the screen's language. */
export interface DailyChartText {
  completed: string;
  notCompleted: string;
  left: string;
  outage: string;
  formatDay: (date: TokyoDate) => string;
}

/** Cases per day stacked by outcome, with outages as shaded bands. */
export function dailyChartOption(
  rows: DailyStatsRow[],
  outages: OutageImpact[],
  text: DailyChartText,
): EChartsCoreOption {
  const dates = rows.map((row) => row.date);
  const bands = outages
    .map((outage) => outageBand(outage, dates))
    .filter((band): band is [{ xAxis: string; name: string }, { xAxis: string }] => band !== null);
  const series = (name: string, key: 'completed' | 'not_completed' | 'left', color: string) => ({
    name,
    type: 'bar',
    stack: 'outcome',
    itemStyle: { color },
    data: rows.map((row) => row[key]),
    barCategoryGap: '20%',
  });
  return {
    ...BASE,
    color: [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.purple],
    legend: { top: 0, textStyle: FONT },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: dates,
      axisLabel: { formatter: (value: string) => text.formatDay(value), hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        ...series(text.completed, 'completed', OKABE_ITO.blue),
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(120, 120, 120, 0.18)' },
          label: { show: bands.length <= 12, position: 'insideTop', color: '#444', fontSize: 11 },
          data: bands,
        },
      },
      series(text.notCompleted, 'not_completed', OKABE_ITO.orange),
      series(text.left, 'left', OKABE_ITO.purple),
    ],
  };

  function outageBand(outage: OutageImpact, days: string[]) {
    const first = days[0];
    const last = days.at(-1);
    if (first === undefined || last === undefined) return null;
    const start = tokyoDay(outage.startsAt);
    const end = outage.endsAt ? tokyoDay(outage.endsAt) : last;
    // An outage partly outside the range is drawn on the part inside it.
    const from = start < first ? first : start;
    const to = end > last ? last : end;
    if (from > to) return null;
    return [{ xAxis: from, name: text.outage }, { xAxis: to }] as [{ xAxis: string; name: string }, { xAxis: string }];
  }
}

export interface HeatmapText {
  weekdays: readonly string[];
  /** The legend's ends, e.g. ['多い', '少ない']. */
  legend: [string, string];
  tooltip: (cell: HeatmapCell) => string;
}

/** Arrivals per weekday × desk hour; rows are weekdays Monday on top, columns the hours 8–17. */
export function heatmapOption(cells: HeatmapCell[], hours: readonly number[], text: HeatmapText): EChartsCoreOption {
  const shown = cells.filter((cell) => hours.includes(cell.hour));
  const max = Math.max(1, ...shown.map((cell) => cell.arrivals));
  const byKey = new Map(shown.map((cell) => [`${cell.weekday}-${cell.hour}`, cell]));
  return {
    ...BASE,
    grid: { left: 56, right: 16, top: 8, bottom: 64 },
    tooltip: {
      formatter: (params: { data: [number, number, number] }) => {
        const [hourIndex, weekdayIndex] = params.data;
        const cell = byKey.get(`${weekdayIndex + 1}-${hours[hourIndex]}`);
        return cell ? text.tooltip(cell) : '';
      },
    },
    xAxis: { type: 'category', data: hours.map((hour) => `${hour}:00`), splitArea: { show: true } },
    yAxis: { type: 'category', data: [...text.weekdays], inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: text.legend,
      inRange: { color: HEAT_RAMP },
      textStyle: FONT,
    },
    series: [
      {
        type: 'heatmap',
        data: shown.map((cell) => [hours.indexOf(cell.hour), cell.weekday - 1, cell.arrivals]),
        label: { show: true, fontSize: 11, formatter: (p: { data: number[] }) => (p.data[2] ? String(p.data[2]) : '') },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 2 } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  };
}

export interface ParetoText {
  cases: string;
  cumulative: string;
  label: (key: string) => string;
}

/**
 * Failure reasons, most frequent on top, with the cumulative share as a line on a 0–100 % axis at the top.
 * Horizontal so that the Japanese reason labels are read whole rather than rotated and cut.
 */
export function paretoOption<K extends string>(rows: ParetoRow<K>[], text: ParetoText): EChartsCoreOption {
  return {
    ...BASE,
    legend: { top: 0, textStyle: FONT },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => text.label(row.key)),
      axisLabel: { interval: 0, width: 200, overflow: 'truncate' },
    },
    xAxis: [
      { type: 'value', minInterval: 1, position: 'bottom' },
      {
        type: 'value',
        min: 0,
        max: 100,
        position: 'top',
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: text.cases,
        type: 'bar',
        data: rows.map((row) => row.count),
        itemStyle: { color: OKABE_ITO.orange },
        barCategoryGap: '25%',
      },
      {
        name: text.cumulative,
        type: 'line',
        xAxisIndex: 1,
        data: rows.map((row) => row.cumulativePercent),
        itemStyle: { color: OKABE_ITO.blue },
        symbolSize: 6,
        tooltip: { valueFormatter: (value: number) => `${value}%` },
      },
    ],
  };
}

export interface PairedBarsText {
  first: string;
  second: string;
}

/** Horizontal paired bars (e.g. completed vs not completed per payment service), names on the left. */
export function pairedBarsOption(
  names: string[],
  first: number[],
  second: number[],
  text: PairedBarsText,
): EChartsCoreOption {
  return {
    ...BASE,
    legend: { top: 0, textStyle: FONT },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: text.first, type: 'bar', stack: 'all', data: first, itemStyle: { color: OKABE_ITO.blue } },
      { name: text.second, type: 'bar', stack: 'all', data: second, itemStyle: { color: OKABE_ITO.orange } },
    ],
  };
}

/** Two vertical bars per step (e.g. visits supported and of those completed), values on top. */
export function groupedBarsOption(
  categories: string[],
  first: number[],
  second: number[],
  text: PairedBarsText,
): EChartsCoreOption {
  const series = (name: string, data: number[], color: string) => ({
    name,
    type: 'bar',
    data,
    itemStyle: { color },
    label: { show: true, position: 'top', fontSize: 11 },
  });
  return {
    ...BASE,
    legend: { top: 0, textStyle: FONT },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series(text.first, first, OKABE_ITO.skyBlue), series(text.second, second, OKABE_ITO.blue)],
  };
}

/** Plain vertical bars for one series (the typical arrivals by hour). */
export function simpleBarsOption(
  categories: string[],
  values: number[],
  color: string = OKABE_ITO.blue,
  valueLabel = true,
): EChartsCoreOption {
  return {
    ...BASE,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color },
        label: { show: valueLabel, position: 'top', fontSize: 11 },
      },
    ],
  };
}

/** Shares in percent over categories (days or hours), with the target share as a dashed reference line. */
export function sharesOption(
  categories: string[],
  shares: (number | null)[],
  text: { series: string; kind: 'line' | 'bar' },
): EChartsCoreOption {
  return {
    ...BASE,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (value === null ? '—' : `${String(value)}%`) },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: text.series,
        type: text.kind,
        data: shares,
        connectNulls: false,
        showSymbol: categories.length <= 31,
        itemStyle: { color: OKABE_ITO.green },
        label: { show: text.kind === 'bar', position: 'top', fontSize: 11, formatter: '{c}%' },
      },
    ],
  };
}

function tokyoDay(instant: string): string {
  return DateTime.fromISO(instant).setZone(TOKYO).toFormat('yyyy-MM-dd');
}
