import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DeskSettings } from '@madoguchi/contracts';
import type { Observable } from 'rxjs';

/** The desk's settings the board follows, such as the waiting-time target. */
@Injectable({ providedIn: 'root' })
export class DeskSettingsApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<DeskSettings> {
    return this.http.get<DeskSettings>('/api/desk');
  }
}
