import { HttpParams } from '@angular/common/http';

/** Query parameters from a query object, leaving out what is unset so that the API applies its defaults. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(name, String(value));
  }
  return params;
}
