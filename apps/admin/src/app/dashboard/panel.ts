import { catchError, map, type Observable, of, startWith, switchMap } from 'rxjs';

/** What one dashboard panel shows: a skeleton while its request runs, its data, or its own error. */
export type PanelState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: unknown };

export const PANEL_LOADING: PanelState<never> = { status: 'loading', data: null, error: null };

/**
 * One panel's data for each query: loading at once, then its answer or its error. A new query drops the request
 * still running for the old one, so a slow answer never draws over a newer period.
 */
export function panelStates<Q, T>(
  queries: Observable<Q>,
  load: (query: Q) => Observable<T>,
): Observable<PanelState<T>> {
  return queries.pipe(
    switchMap((query) =>
      load(query).pipe(
        map((data): PanelState<T> => ({ status: 'ready', data, error: null })),
        catchError((error: unknown) => of<PanelState<T>>({ status: 'error', data: null, error })),
        startWith<PanelState<T>>(PANEL_LOADING),
      ),
    ),
  );
}
