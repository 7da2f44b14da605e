import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, TokenScope } from '../auth/auth.decorators';
import { ValidationProblem } from '../common/problems';
import { CaseExports, CLIENT_LEFT, exportFileName, XLSX_CONTENT_TYPE } from './case-exports.service';
import { ExportCasesQueryDto } from './export-cases.dto';

const FILTERS =
  'Filters as the case list: from and to are Asia/Tokyo days, both included, on arrival; status, procedure and ' +
  'reason are codes. Rows in arrival order; instants as Tokyo wall-clock time (YYYY-MM-DD HH:mm); code columns hold ' +
  'the codes, label columns the words in `lang`.';

/** Served under /api/cases: registered before the case routes so that `cases/:id` does not take "export.csv". */
@ApiTags('exports')
@Roles('manager', 'admin')
@TokenScope('exports')
@Controller('cases')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exports: CaseExports) {}

  @Get('export.csv')
  @ApiOperation({
    summary: 'Cases as CSV for Excel: UTF-8 with a BOM, CRLF line ends, streamed row by row',
    description: FILTERS,
  })
  @ApiResponse({
    status: 200,
    description: 'The CSV file, as an attachment; the first line names the columns.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async csv(@Query() query: ExportCasesQueryDto, @Res() res: Response): Promise<void> {
    checkOrder(query);
    this.startDownload(res, 'text/csv; charset=utf-8', exportFileName(query, 'csv'));
    await this.finish(res, this.exports.writeCsv(query, query.lang ?? 'ja', res));
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'Cases as an Excel workbook, written as the rows are read', description: FILTERS })
  @ApiResponse({
    status: 200,
    description: 'The XLSX file, as an attachment.',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  async xlsx(@Query() query: ExportCasesQueryDto, @Res() res: Response): Promise<void> {
    checkOrder(query);
    this.startDownload(res, XLSX_CONTENT_TYPE, exportFileName(query, 'xlsx'));
    await this.finish(res, this.exports.writeXlsx(query, query.lang ?? 'ja', res));
  }

  private startDownload(res: Response, contentType: string, fileName: string): void {
    res.status(200);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    // Case data: no shared cache may keep a copy.
    res.setHeader('Cache-Control', 'no-store');
  }

  /** Once bytes are sent, an error can only cut the download short; before that, it becomes a problem response. */
  private async finish(res: Response, writing: Promise<void>): Promise<void> {
    try {
      await writing;
    } catch (error) {
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      const clientLeft = (error as { code?: string }).code === CLIENT_LEFT;
      if (clientLeft) this.logger.warn(`export abandoned by the client: ${message}`);
      else this.logger.error(`export cut short: ${message}`);
      res.destroy();
    }
  }
}

function checkOrder(query: ExportCasesQueryDto): void {
  if (query.from && query.to && query.to < query.from) {
    throw new ValidationProblem([
      { field: 'to', message: { ja: 'to は from 以降の日付です。', en: 'to must not be before from.' } },
    ]);
  }
}
