import { Injectable } from '@nestjs/common';
import type { ExportLanguage } from '@madoguchi/contracts';
import { stream as excelStream, type Style } from 'exceljs';
import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CASE_EXPORT_COLUMNS, csvHeader, csvLineWriter, xlsxRowWriter } from './case-export.columns';
import { CaseExportFilter, ExportsRepository } from './exports.repository';

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

  async writeXlsx(filter: CaseExportFilter, lang: ExportLanguage, out: Writable): Promise<void> {
    const row = xlsxRowWriter({ lang, lookups: await this.reader.lookups() });
    const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(lang === 'ja' ? 'ケース一覧' : 'Cases', {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = CASE_EXPORT_COLUMNS.map((column, i) => ({
      key: String(i),
      header: column.header[lang],
      width: column.width,
    }));
    sheet.getRow(1).font = { bold: true };
    for await (const batch of this.reader.batches(filter)) {
      for (const c of batch) {
        const added = sheet.addRow(row(c));
        added.eachCell((cell, column) => {
          cell.style = CELL_STYLES[column - 1] ?? {};
        });
        added.commit();
      }
      // The zip is written as rows are committed; waiting for a slow client here keeps the buffer to a batch or so.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  }
}
