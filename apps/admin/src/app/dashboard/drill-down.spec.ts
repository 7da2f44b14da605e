import { drillDownParams } from './drill-down';

const SEPTEMBER = { from: '2020-09-01', to: '2020-09-30' };

describe('drilling down from a chart to the case list', () => {
  it('opens one day with the outcome of the clicked stack', () => {
    expect(drillDownParams({ kind: 'day', date: '2020-09-15', status: 'not_completed' }, SEPTEMBER)).toEqual({
      from: '2020-09-15',
      to: '2020-09-15',
      status: 'not_completed',
    });
    expect(drillDownParams({ kind: 'day', date: '2020-09-15' }, SEPTEMBER)).toEqual({
      from: '2020-09-15',
      to: '2020-09-15',
    });
  });

  it('opens the latest day of the clicked weekday, since the list has no hour filter', () => {
    // Tuesday: the last Tuesday of September 2020 is the 29th.
    expect(drillDownParams({ kind: 'heatmap', weekday: 2, hour: 10 }, SEPTEMBER)).toEqual({
      from: '2020-09-29',
      to: '2020-09-29',
    });
  });

  it('opens the not-completed cases of a reason over the whole range', () => {
    expect(drillDownParams({ kind: 'reason', reason: 'cert_wait_24h' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      status: 'not_completed',
      reason: 'cert_wait_24h',
    });
  });

  it('opens a status or a procedure over the range', () => {
    expect(drillDownParams({ kind: 'status', status: 'completed' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      status: 'completed',
    });
    expect(drillDownParams({ kind: 'procedure', procedure: 'application' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      procedure: 'application',
    });
  });
});
