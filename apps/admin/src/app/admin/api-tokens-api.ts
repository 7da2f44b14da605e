import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiToken, CreateApiTokenRequest, CreatedApiToken } from '@madoguchi/contracts';
import type { Observable } from 'rxjs';

/** The admin's read-only API tokens for machines. */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ApiToken[]> {
    return this.http.get<ApiToken[]>('/api/api-tokens');
  }

  create(request: CreateApiTokenRequest): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>('/api/api-tokens', request);
  }

  revoke(id: number): Observable<ApiToken> {
    return this.http.post<ApiToken>(`/api/api-tokens/${id}/revoke`, {});
  }
}
