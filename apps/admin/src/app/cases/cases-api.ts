import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseListQuery, CreateCaseRequest, Page, PaymentService, SupportCase } from '@madoguchi/contracts';
import type { Observable } from 'rxjs';

/** The case endpoints the case screens use; errors arrive as `ApiError` through the interceptor. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  create(request: CreateCaseRequest): Observable<SupportCase> {
    return this.http.post<SupportCase>('/api/cases', request);
  }

  list(query: CaseListQuery): Observable<Page<SupportCase>> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(name, String(value));
    }
    return this.http.get<Page<SupportCase>>('/api/cases', { params });
  }

  get(id: number): Observable<SupportCase> {
    return this.http.get<SupportCase>(`/api/cases/${id}`);
  }

  paymentServices(): Observable<PaymentService[]> {
    return this.http.get<PaymentService[]>('/api/payment-services');
  }
}
