import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseHistory,
  CaseListQuery,
  CreateCaseRequest,
  FinishCaseRequest,
  Page,
  PaymentService,
  ReturnSlip,
  StartCaseRequest,
  SupportCase,
  UpdateCaseRequest,
} from '@madoguchi/contracts';
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

  /** The case's audit entries and the visits before and after it. */
  history(id: number): Observable<CaseHistory> {
    return this.http.get<CaseHistory>(`/api/cases/${id}/history`);
  }

  /** A correction; `version` is the one on screen, a stale one comes back as 409 with the current case. */
  update(id: number, request: UpdateCaseRequest): Observable<SupportCase> {
    return this.http.patch<SupportCase>(`/api/cases/${id}`, request);
  }

  /** `counter` is where the citizen is called to (shown and said on the waiting-room display). */
  start(id: number, version?: number, counter?: number): Observable<SupportCase> {
    const body: StartCaseRequest = {};
    if (version !== undefined) body.version = version;
    if (counter !== undefined) body.counter = counter;
    return this.http.post<SupportCase>(`/api/cases/${id}/start`, body);
  }

  finish(id: number, request: FinishCaseRequest): Observable<SupportCase> {
    return this.http.post<SupportCase>(`/api/cases/${id}/finish`, request);
  }

  leave(id: number, version?: number): Observable<SupportCase> {
    return this.http.post<SupportCase>(`/api/cases/${id}/leave`, version === undefined ? {} : { version });
  }

  slip(id: number): Observable<ReturnSlip> {
    return this.http.get<ReturnSlip>(`/api/cases/${id}/slip`);
  }

  /** The earlier visit behind a return slip's code. */
  byFollowUpCode(code: string): Observable<SupportCase> {
    return this.http.get<SupportCase>(`/api/cases/follow-up/${encodeURIComponent(code)}`);
  }

  paymentServices(): Observable<PaymentService[]> {
    return this.http.get<PaymentService[]>('/api/payment-services');
  }
}
