import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Account,
  CreateAccountRequest,
  CreatePaymentServiceRequest,
  CreateSiteRequest,
  Page,
  PaymentServiceEntry,
  Site,
  UpdateAccountRequest,
  UpdatePaymentServiceRequest,
  UpdateSiteRequest,
} from '@madoguchi/contracts';
import type { Observable } from 'rxjs';

/** The admin's catalogues: payment services, sites and staff accounts. */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);

  paymentServices(): Observable<PaymentServiceEntry[]> {
    return this.http.get<PaymentServiceEntry[]>('/api/payment-services/all');
  }

  createPaymentService(request: CreatePaymentServiceRequest): Observable<PaymentServiceEntry> {
    return this.http.post<PaymentServiceEntry>('/api/payment-services', request);
  }

  updatePaymentService(id: number, request: UpdatePaymentServiceRequest): Observable<PaymentServiceEntry> {
    return this.http.patch<PaymentServiceEntry>(`/api/payment-services/${id}`, request);
  }

  sites(): Observable<Site[]> {
    return this.http.get<Site[]>('/api/sites');
  }

  createSite(request: CreateSiteRequest): Observable<Site> {
    return this.http.post<Site>('/api/sites', request);
  }

  updateSite(id: number, request: UpdateSiteRequest): Observable<Site> {
    return this.http.patch<Site>(`/api/sites/${id}`, request);
  }

  accounts(): Observable<Page<Account>> {
    return this.http.get<Page<Account>>('/api/accounts', { params: { pageSize: 500 } });
  }

  createAccount(request: CreateAccountRequest): Observable<Account> {
    return this.http.post<Account>('/api/accounts', request);
  }

  updateAccount(id: number, request: UpdateAccountRequest): Observable<Account> {
    return this.http.patch<Account>(`/api/accounts/${id}`, request);
  }

  resetPassword(id: number, password: string): Observable<Account> {
    return this.http.post<Account>(`/api/accounts/${id}/reset-password`, { password });
  }
}
