import { Injectable } from '@nestjs/common';
import type { ExportLanguage } from '@madoguchi/contracts';
import { stream as excelStream, type Style, type Worksheet } from 'exceljs';
import { EventEmitter, once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { CASE_EXPORT_COLUMNS, csvHeader, csvLineWriter, xlsxRowWriter } from './case-export.columns';
import { CaseExportFilter, ExportsRepository } from './exports.repository';

/** The code of a stream cut short, as Node gives it when the client leaves during a download. */
export const CLIENT_LEFT = 'ERR_STREAM_PREMATURE_CLOSE';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// One style object per column, shared by its cells: exceljs caches styles by object; a copy per cell costs 2.5×.
const DATE_STYLE: Partial<Style> = { numFmt: 'yyyy-mm-dd hh:mm' };
const PLAIN_STYLE: Partial<Style> = {};
const CELL_STYLES = CASE_EXPORT_COLUMNS.map((column) => (column.kind === 'instant' ? DATE_STYLE : PLAIN_STYLE));

/** madoguchi-cases-<from>-<to>.<ext>; an open end reads "first" or "last". */
export function exportFileName(filter: CaseExportFilter, extension: 'csv' | 'xlsx'): string {
  return `madoguchi-cases-${filter.from ?? 'first'}-${filter.to ?? 'last'}.${extension}`;
}

/** Writes case exports to a stream as the rows are read, so memory stays flat whatever the range. */
@Injectable()
export class CaseExports {
  constructor(private readonly reader: ExportsRepository) {}

  /** UTF-8 with a BOM and CRLF line ends: what Japanese Excel needs to open a CSV without garbling it. */
  async writeCsv(filter: CaseExportFilter, lang: ExportLanguage, out: Writable): Promise<void> {
    const line = csvLineWriter({ lang, lookups: await this.reader.lookups() });
    const chunks = async function* (reader: ExportsRepository) {
      yield csvHeader(lang);
      // A page of rows makes one chunk: a chunk per row cost more in the stream than writing the row did.
      for await (const batch of reader.batches(filter)) {
        let chunk = '';
        for (const c of batch) chunk += line(c);
        yield chunk;
      }
    };
    // One chunk waits while the client is slow; the reading stops when it leaves (the pipeline ends the generator).
    await pipeline(Readable.from(chunks(this.reader), { highWaterMark: 1 }), out);
  }

  /**
   * exceljs' streaming writer, rows committed as they are read. It writes the sheet's XML into the zip without waiting
   * for the compression, so the export yields every few rows (the compression runs on another thread meanwhile) and
   * waits when the zip falls behind: memory stays flat whatever the range.
   */
  async writeXlsx(filter: CaseExportFilter, lang: ExportLanguage, out: Writable): Promise<void> {
    const row = xlsxRowWriter({ lang, lookups: await this.reader.lookups() });
    const workbook = new excelStream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(lang === 'ja' ? 'ケース一覧' : 'Cases', {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = CASE_EXPORT_COLUMNS.map((column, i) => ({
      key: String(i),
      header: column.header[lang],
      width: column.width,
    }));
    sheet.getRow(1).font = { bold: true };
    let sinceTurn = 0;
    for await (const batch of this.reader.batches(filter)) {
      for (const c of batch) {
        const added = sheet.addRow(row(c));
        added.eachCell((cell, column) => {
          cell.style = CELL_STYLES[column - 1] ?? {};
        });
        added.commit();
        if (++sinceTurn === XLSX_ROWS_PER_TURN) {
          sinceTurn = 0;
          await zipCaughtUp(sheet, out);
        }
      }
    }
    sheet.commit();
    await workbook.commit();
  }
}

/** About 80 KB of sheet XML: a piece of work for the compression thread while the next rows are written. */
const XLSX_ROWS_PER_TURN = 100;

/** A stream of archiver's (readable-stream 2, which lacks `writableNeedDrain`). */
type Intake = EventEmitter & { _writableState?: { needDrain?: boolean } };

/**
 * The zip's intake of a sheet's XML once archiver has connected it, where the XML waits for the compression: exceljs
 * writes into it without waiting (neither is in exceljs' types).
 */
function zipIntake(sheet: Worksheet): Intake | undefined {
  return (sheet as unknown as { stream?: { pipes?: Intake[] } }).stream?.pipes?.[0];
}

/**
 * Lets the compression take what was written and waits while it is behind (the zip waits in turn for the client);
 * fails as a cut-short stream does when the client has left, which ends the reading.
 */
async function zipCaughtUp(sheet: Worksheet, out: Writable): Promise<void> {
  const intake = zipIntake(sheet);
  if (intake?._writableState?.needDrain && !out.destroyed) {
    const stop = new AbortController();
    await Promise.race([
      once(intake, 'drain', { signal: stop.signal }),
      once(out, 'close', { signal: stop.signal }),
    ]).finally(() => stop.abort());
  } else {
    await setImmediate();
  }
  if (out.destroyed) throw Object.assign(new Error('the client closed the connection'), { code: CLIENT_LEFT });
}
