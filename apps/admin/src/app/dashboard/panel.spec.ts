import { Subject, throwError } from 'rxjs';
import { type PanelState, panelStates } from './panel';

describe('a dashboard panel loading on its own', () => {
  it('shows loading, then its data, and again loading for the next period', () => {
    const queries = new Subject<string>();
    const a = new Subject<number>();
    const b = new Subject<number>();
    const seen: PanelState<number>[] = [];
    panelStates(queries, (query) => (query === 'a' ? a : b)).subscribe((state) => seen.push(state));

    queries.next('a');
    expect(seen.map((state) => state.status)).toEqual(['loading']);
    a.next(41);
    expect(seen.at(-1)).toEqual({ status: 'ready', data: 41, error: null });
    queries.next('b');
    expect(seen.at(-1)?.status).toBe('loading');
    b.next(7);
    expect(seen.at(-1)).toEqual({ status: 'ready', data: 7, error: null });
  });

  it('never draws a late answer for a period the manager has already left', () => {
    const queries = new Subject<string>();
    const slow = new Subject<number>();
    const fast = new Subject<number>();
    const seen: PanelState<number>[] = [];
    panelStates(queries, (query) => (query === 'slow' ? slow : fast)).subscribe((state) => seen.push(state));

    queries.next('slow');
    queries.next('fast');
    fast.next(2);
    slow.next(1);
    expect(seen.filter((state) => state.status === 'ready').map((state) => state.data)).toEqual([2]);
  });

  it('keeps an error to itself and recovers on the next period', () => {
    const queries = new Subject<boolean>();
    const seen: PanelState<string>[] = [];
    const failure = new Error('502');
    panelStates(queries, (fail) => (fail ? throwError(() => failure) : new Subject<string>())).subscribe((state) =>
      seen.push(state),
    );

    queries.next(true);
    expect(seen.at(-1)).toEqual({ status: 'error', data: null, error: failure });
    queries.next(false);
    expect(seen.at(-1)?.status).toBe('loading');
  });
});
