import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseFilter,
  DailyStatsRow,
  ExportLanguage,
  FunnelStats,
  HeatmapCell,
  OutageImpact,
  PaymentServiceEntry,
  Site,
  StaffStatsRow,
  StatsRangeQuery,
  StatsSummary,
} from '@madoguchi/contracts';
import { map, type Observable } from 'rxjs';
import { queryParams } from '../core/http/query-params';
import type { DayRange } from './date-range';

export type ExportFormat = 'csv' | 'xlsx';

/** The statistics and export endpoints the dashboard and the monthly report read. */
@Injectable({ providedIn: 'root' })
export class StatsApi {
  private readonly http = inject(HttpClient);

  summary(query: StatsRangeQuery): Observable<StatsSummary> {
    return this.http.get<StatsSummary>('/api/stats/summary', { params: queryParams(query) });
  }

  daily(query: StatsRangeQuery): Observable<DailyStatsRow[]> {
    return this.http.get<DailyStatsRow[]>('/api/stats/daily', { params: queryParams(query) });
  }

  heatmap(query: StatsRangeQuery): Observable<HeatmapCell[]> {
    return this.http.get<HeatmapCell[]>('/api/stats/heatmap', { params: queryParams(query) });
  }

  staff(query: StatsRangeQuery): Observable<StaffStatsRow[]> {
    return this.http.get<StaffStatsRow[]>('/api/stats/staff', { params: queryParams(query) });
  }

  outages(query: StatsRangeQuery): Observable<OutageImpact[]> {
    return this.http.get<OutageImpact[]>('/api/stats/outages', { params: queryParams(query) });
  }

  funnel(query: StatsRangeQuery): Observable<FunnelStats> {
    return this.http.get<FunnelStats>('/api/stats/funnel', { params: queryParams(query) });
  }

  /** The filter bar's sites. */
  sites(): Observable<Site[]> {
    return this.http.get<Site[]>('/api/sites');
  }

  /** The filter bar's payment services, inactive ones included: past cases still name them. */
  paymentServices(): Observable<PaymentServiceEntry[]> {
    return this.http.get<PaymentServiceEntry[]>('/api/payment-services/all');
  }

  /** The cases of the range as a file; fetched through HttpClient so that API problems surface as `ApiError`. */
  exportCases(
    range: DayRange,
    format: ExportFormat,
    lang: ExportLanguage,
    filter: CaseFilter = {},
  ): Observable<{ blob: Blob; fileName: string }> {
    return this.http
      .get(`/api/cases/export.${format}`, {
        params: queryParams({ ...range, ...filter, lang }),
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(
        map((response: HttpResponse<Blob>) => ({
          blob: response.body ?? new Blob(),
          fileName: fileNameOf(response) ?? `cases_${range.from}_${range.to}_${lang}.${format}`,
        })),
      );
  }
}

/** Hands a downloaded blob to the browser as a file, through a short-lived object URL. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url));
}

function fileNameOf(response: HttpResponse<Blob>): string | null {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
}
