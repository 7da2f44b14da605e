import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry, AuditQuery, Page } from '@madoguchi/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../core/http/query-params';

/** The audit log: read only, as the API offers it. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: queryParams(query) });
  }
}
