import {
  AGE_BAND_LABELS,
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  GLOSSARY,
  PROCEDURE_LABELS,
  REASONS,
  REPRESENTATIVE_LABELS,
  type ExportLanguage,
  type Labelled,
} from '@madoguchi/contracts';
import { stringify } from 'csv-stringify/sync';
import { minutesOneDecimal } from '../stats/percentiles';
import { tokyoMinuteWriter, tokyoWallClockDate } from '../stats/tokyo-clock';
import type { ExportCase, ExportLookups } from './exports.repository';

export interface ExportContext {
  lang: ExportLanguage;
  lookups: ExportLookups;
}

/** Instants are epoch milliseconds, written by kind: Tokyo wall-clock text in a CSV, a date in a workbook. */
type Value = string | number | null;

export interface ExportColumn {
  header: Labelled;
  /** How the value is written: instants as Tokyo wall-clock time, text guarded against spreadsheet formulas. */
  kind: 'text' | 'number' | 'instant';
  /** Column width in Excel, in characters. */
  width: number;
  value: (c: ExportCase, context: ExportContext) => Value;
}

/** Headers name things as every screen does. */
const G = GLOSSARY;

const label = <K extends string>(labels: Readonly<Record<K, Labelled>>, code: K | null, lang: ExportLanguage) =>
  code === null ? null : (labels[code]?.[lang] ?? null);
const minutesBetween = (from: number | null, to: number | null) =>
  from !== null && to !== null ? minutesOneDecimal(to - from) : null;
const bit = (value: boolean) => (value ? 1 : 0);

const text = (ja: string, en: string, width: number, value: ExportColumn['value']): ExportColumn => ({
  header: { ja, en },
  kind: 'text',
  width,
  value,
});
const number = (ja: string, en: string, width: number, value: ExportColumn['value']): ExportColumn => ({
  header: { ja, en },
  kind: 'number',
  width,
  value,
});
const instant = (ja: string, en: string, value: (c: ExportCase) => number | null): ExportColumn => ({
  header: { ja, en },
  kind: 'instant',
  width: 17,
  value,
});

/** The columns of a case export: code columns hold the code strings used everywhere, label columns the words. */
export const CASE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  number(`${G.case.ja}ID`, `${G.case.en} ID`, 9, (c) => c.id),
  instant(`${G.arrivedAt.ja}(日本時間)`, `${G.arrivedAt.en} (Japan time)`, (c) => c.arrivedAt),
  instant(`${G.startedAt.ja}(日本時間)`, `${G.startedAt.en} (Japan time)`, (c) => c.startedAt),
  instant(`${G.endedAt.ja}(日本時間)`, `${G.endedAt.en} (Japan time)`, (c) => c.endedAt),
  number('待ち時間(分)', 'Wait (minutes)', 10, (c) => minutesBetween(c.arrivedAt, c.startedAt)),
  number('対応時間(分)', 'Handling (minutes)', 10, (c) => minutesBetween(c.startedAt, c.endedAt)),
  text('窓口', 'Site', 16, (c, x) => x.lookups.sites.get(c.siteId) ?? null),
  text('受付方法(コード)', 'Channel (code)', 10, (c) => c.channel),
  text('受付方法', 'Channel', 8, (c, x) => label(CHANNEL_LABELS, c.channel, x.lang)),
  text('手続(コード)', 'Procedure (code)', 12, (c) => c.procedure),
  text('手続', 'Procedure', 20, (c, x) => label(PROCEDURE_LABELS, c.procedure, x.lang)),
  text(`${G.status.ja}(コード)`, `${G.status.en} (code)`, 14, (c) => c.status),
  text(G.status.ja, G.status.en, 12, (c, x) => label(CASE_STATUS_LABELS, c.status, x.lang)),
  number('予約完了', 'Reservation completed', 8, (c) => bit(c.completedReservation)),
  number('申込み完了', 'Application completed', 8, (c) => bit(c.completedApplication)),
  number('予約済み(申込みのみ)', 'Already reserved', 8, (c) => bit(c.alreadyReserved)),
  text(`${G.reason.ja}(コード)`, `${G.reason.en} (code)`, 22, (c) => c.reason),
  text(G.reason.ja, G.reason.en, 30, (c, x) => label(REASONS, c.reason, x.lang)),
  number('決済サービスID', 'Payment service ID', 8, (c) => c.paymentServiceId),
  text('決済サービス', 'Payment service', 20, (c, x) =>
    c.paymentServiceId === null ? null : (x.lookups.paymentServices.get(c.paymentServiceId) ?? null),
  ),
  text('年齢層(コード)', 'Age band (code)', 10, (c) => c.ageBand),
  text('年齢層', 'Age band', 10, (c, x) => label(AGE_BAND_LABELS, c.ageBand, x.lang)),
  text(`${G.representative.ja}(コード)`, `${G.representative.en} (code)`, 14, (c) => c.representative),
  text(G.representative.ja, G.representative.en, 14, (c, x) => label(REPRESENTATIVE_LABELS, c.representative, x.lang)),
  text('担当職員(ユーザー名)', 'Staff (username)', 12, (c, x) =>
    c.staffId === null ? null : (x.lookups.staff.get(c.staffId)?.username ?? null),
  ),
  text('担当職員', 'Staff', 14, (c, x) =>
    c.staffId === null ? null : (x.lookups.staff.get(c.staffId)?.displayName ?? null),
  ),
  number(`前回来庁の${G.case.ja}ID`, `Previous visit (${G.case.en.toLowerCase()} ID)`, 9, (c) => c.previousCaseId),
  text(G.note.ja, G.note.en, 40, (c) => c.note),
];

/** A cell that starts like a formula (=, +, -, @) is prefixed with ' so that Excel shows it instead of running it. */
function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The header row in the requested language. */
export function exportHeaders(lang: ExportLanguage): string[] {
  return CASE_EXPORT_COLUMNS.map((column) => column.header[lang]);
}

type Cell<T> = (c: ExportCase) => T;

/** CRLF line ends, as Japanese Excel expects; a cell with any line break is quoted, as Excel ends a row at a bare LF. */
const CSV_OPTIONS = { delimiter: ',', record_delimiter: '\r\n', quote_record_delimiter: true } as const;
// Enough for every code, label and name; notes past it are quoted afresh each time instead of kept.
const KEPT_CELLS = 10_000;

/** The BOM (so that Japanese Excel reads UTF-8) and the header line, written by csv-stringify. */
export function csvHeader(lang: ExportLanguage): string {
  return stringify([], { ...CSV_OPTIONS, bom: true, header: true, columns: exportHeaders(lang) });
}

/**
 * Text cells as csv-stringify writes them (guarded against formulas, quoted only when they must be). Codes, labels and
 * names repeat on every row, so each distinct text is written once and kept: asking csv-stringify for every cell of a
 * million rows cost more than reading them.
 */
function csvTextCells(): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    let cell = kept.get(text);
    if (cell === undefined) {
      cell = stringify([[guardFormula(text)]], { ...CSV_OPTIONS, eof: false });
      if (kept.size < KEPT_CELLS) kept.set(text, cell);
    }
    return cell;
  };
}

/**
 * Writes the CSV lines of one export, CRLF included: instants as Tokyo 'YYYY-MM-DD HH:mm', empty cells for missing
 * values, numbers as csv-stringify writes them. Each column's way of writing is chosen once, not per cell.
 */
export function csvLineWriter(context: ExportContext): (c: ExportCase) => string {
  const textCell = csvTextCells();
  const cells = CASE_EXPORT_COLUMNS.map((column): Cell<string> => {
    const value = column.value;
    if (column.kind === 'instant') {
      const write = tokyoMinuteWriter();
      return (c) => {
        const at = value(c, context) as number | null;
        return at === null ? '' : write(at);
      };
    }
    if (column.kind === 'text') {
      return (c) => {
        const text = value(c, context) as string | null;
        return text === null ? '' : textCell(text);
      };
    }
    return (c) => {
      const number = value(c, context);
      return number === null ? '' : String(number);
    };
  });
  const [first, ...rest] = cells as [Cell<string>, ...Cell<string>[]];
  return (c) => {
    let line = first(c);
    for (const cell of rest) line += CSV_OPTIONS.delimiter + cell(c);
    return line + CSV_OPTIONS.record_delimiter;
  };
}

/**
 * Writes the XLSX rows of one export: instants as dates that read as Tokyo time (Excel has no time zone), numbers as
 * numbers, missing values as no cell at all.
 */
export function xlsxRowWriter(context: ExportContext): (c: ExportCase) => (string | number | Date | undefined)[] {
  const cells = CASE_EXPORT_COLUMNS.map((column): Cell<string | number | Date | undefined> => {
    const value = column.value;
    if (column.kind === 'instant') {
      return (c) => {
        const at = value(c, context) as number | null;
        return at === null ? undefined : tokyoWallClockDate(at);
      };
    }
    return (c) => value(c, context) ?? undefined;
  });
  return (c) => {
    const row = new Array<string | number | Date | undefined>(cells.length);
    for (let i = 0; i < cells.length; i++) row[i] = (cells[i] as Cell<string | number | Date | undefined>)(c);
    return row;
  };
}
