import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActiveOutages,
  CreateOutageRequest,
  Outage,
  OutageCasesPage,
  OutageListQuery,
  Page,
  UpdateOutageRequest,
} from '@madoguchi/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../core/http/query-params';

/** Outages of the platform, a payment service or the desk's terminal. */
@Injectable({ providedIn: 'root' })
export class OutagesApi {
  private readonly http = inject(HttpClient);

  list(query: OutageListQuery): Observable<Page<Outage>> {
    return this.http.get<Page<Outage>>('/api/outages', { params: queryParams(query) });
  }

  /** Any role: what the counter's banner shows. */
  active(): Observable<ActiveOutages> {
    return this.http.get<ActiveOutages>('/api/outages/active');
  }

  create(request: CreateOutageRequest): Observable<Outage> {
    return this.http.post<Outage>('/api/outages', request);
  }

  update(id: number, request: UpdateOutageRequest): Observable<Outage> {
    return this.http.patch<Outage>(`/api/outages/${id}`, request);
  }

  cases(id: number, page = 1, pageSize = 100): Observable<OutageCasesPage> {
    return this.http.get<OutageCasesPage>(`/api/outages/${id}/cases`, {
      params: new HttpParams().set('page', page).set('pageSize', pageSize),
    });
  }
}
