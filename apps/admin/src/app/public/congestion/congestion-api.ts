import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Congestion, PublicOutages } from '@madoguchi/contracts';
import type { DeskDay } from '@madoguchi/rules';
import type { Observable } from 'rxjs';
import { queryParams } from '../../core/http/query-params';

/** The public endpoints of the congestion page; no token needed. */
@Injectable({ providedIn: 'root' })
export class CongestionApi {
  private readonly http = inject(HttpClient);

  /** The desk now, or at `at` (used to read another weekday's typical day). */
  congestion(at?: string): Observable<Congestion> {
    return this.http.get<Congestion>('/api/public/congestion', { params: queryParams({ at }) });
  }

  /** Outages going on now and announced for the next two weeks. */
  outages(): Observable<PublicOutages> {
    return this.http.get<PublicOutages>('/api/public/outages');
  }

  calendar(from: string, to: string): Observable<DeskDay[]> {
    return this.http.get<DeskDay[]>('/api/calendar', { params: queryParams({ from, to }) });
  }
}
