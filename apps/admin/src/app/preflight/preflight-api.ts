import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { IsoInstant, PaymentService, TokyoDate } from '@madoguchi/contracts';
import type { DeskDay, PreflightResult, PreflightSituation } from '@madoguchi/rules';
import type { Observable } from 'rxjs';

/**
 * The body of `POST /api/preflight`: the rules' situation with the payment service named by id, since the server
 * reads the service (and the recorded outages) itself.
 */
export interface PreflightRequest {
  at?: IsoInstant;
  procedure: PreflightSituation['procedure'];
  holderAge: number;
  holderPresent: boolean;
  hasCard: boolean;
  certificate: { status: PreflightSituation['certificate']['status']; issuedOrRenewedAt?: IsoInstant };
  pin: PreflightSituation['pin'];
  alreadyReserved?: boolean;
  /** Required by the API when the procedure includes an application. */
  paymentServiceId?: number;
  serviceItemsReady?: boolean;
  serviceRegistrationDone?: boolean;
}

export type CertificateStatus = PreflightRequest['certificate']['status'];
export type PinState = PreflightRequest['pin'];
export type PreflightProcedure = PreflightRequest['procedure'];

export const PREFLIGHT_PROCEDURES: readonly PreflightProcedure[] = ['reservation', 'application', 'both'];
export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['valid', 'expired', 'not_issued'];
export const PIN_STATES: readonly PinState[] = ['known', 'forgotten', 'locked'];

/** The public endpoints a citizen (and the case form) asks before a procedure: no sign-in needed. */
@Injectable({ providedIn: 'root' })
export class PreflightApi {
  private readonly http = inject(HttpClient);

  check(request: PreflightRequest): Observable<PreflightResult> {
    return this.http.post<PreflightResult>('/api/preflight', request);
  }

  /** The desk's days from `from` to `to`, both included (the API allows at most 400 days). */
  calendar(from: TokyoDate, to: TokyoDate): Observable<DeskDay[]> {
    return this.http.get<DeskDay[]>('/api/calendar', { params: new HttpParams().set('from', from).set('to', to) });
  }

  paymentServices(): Observable<PaymentService[]> {
    return this.http.get<PaymentService[]>('/api/payment-services');
  }
}
