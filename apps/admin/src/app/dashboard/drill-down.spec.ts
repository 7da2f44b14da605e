import { drillDownParams } from './drill-down';

const SEPTEMBER = { from: '2020-09-01', to: '2020-09-30' };
const SITE_2_PHONE = { siteId: 2, channel: 'phone' } as const;

describe('drilling down from the dashboard to the case list', () => {
  it('opens one day with the outcome of the clicked stack, keeping the filter bar', () => {
    expect(
      drillDownParams({ kind: 'day', date: '2020-09-15', status: 'not_completed' }, SEPTEMBER, SITE_2_PHONE),
    ).toEqual({
      from: '2020-09-15',
      to: '2020-09-15',
      status: 'not_completed',
      siteId: '2',
      channel: 'phone',
    });
    expect(drillDownParams({ kind: 'day', date: '2020-09-15' }, SEPTEMBER)).toEqual({
      from: '2020-09-15',
      to: '2020-09-15',
    });
  });

  it('opens a heatmap cell as its weekday and hour over the whole range', () => {
    expect(drillDownParams({ kind: 'heatmap', weekday: 2, hour: 10 }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      weekday: '2',
      hour: '10',
    });
  });

  it('opens the not-completed cases of a reason over the whole range', () => {
    expect(drillDownParams({ kind: 'reason', reason: 'cert_wait_24h' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      status: 'not_completed',
      reason: 'cert_wait_24h',
    });
  });

  it('opens every case, a status or a procedure over the range', () => {
    expect(drillDownParams({ kind: 'all' }, SEPTEMBER)).toEqual(SEPTEMBER);
    expect(drillDownParams({ kind: 'all', status: 'left' }, SEPTEMBER)).toEqual({ ...SEPTEMBER, status: 'left' });
    expect(drillDownParams({ kind: 'procedure', procedure: 'application' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      procedure: 'application',
    });
  });

  it('opens a payment service bar with its outcome, and a staff row with or without one', () => {
    expect(
      drillDownParams({ kind: 'paymentService', paymentServiceId: 4, status: 'completed' }, SEPTEMBER, {
        ageBand: '75plus',
      }),
    ).toEqual({ ...SEPTEMBER, paymentServiceId: '4', status: 'completed', ageBand: '75plus' });
    expect(drillDownParams({ kind: 'staff', username: 'staff02' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      staff: 'staff02',
    });
    expect(drillDownParams({ kind: 'staff', username: 'staff02', status: 'not_completed' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      staff: 'staff02',
      status: 'not_completed',
    });
  });

  it('lets the clicked bar or row decide where it and the filter bar name the same field', () => {
    expect(
      drillDownParams({ kind: 'staff', username: 'staff' }, SEPTEMBER, { staff: 'staff02', paymentServiceId: 1 }),
    ).toEqual({ ...SEPTEMBER, staff: 'staff', paymentServiceId: '1' });
  });

  it('opens a funnel step or return visits by their segment', () => {
    expect(drillDownParams({ kind: 'segment', segment: 'reservationDone' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      segment: 'reservationDone',
    });
    expect(drillDownParams({ kind: 'segment', segment: 'returnVisit', status: 'not_completed' }, SEPTEMBER)).toEqual({
      ...SEPTEMBER,
      segment: 'returnVisit',
      status: 'not_completed',
    });
  });

  it('opens the cases an outage turned away on any day, since an outage is counted whole', () => {
    expect(drillDownParams({ kind: 'turnedAway', outageId: 12 }, SEPTEMBER, { staff: 'staff' })).toEqual({
      staff: 'staff',
      turnedAwayBy: '12',
    });
  });

  it('opens the cases that arrived during one outage, or during any outage of the period', () => {
    expect(drillDownParams({ kind: 'arrivedDuring', outageId: 12 }, SEPTEMBER, { staff: 'staff' })).toEqual({
      staff: 'staff',
      arrivedDuring: '12',
    });
    expect(drillDownParams({ kind: 'duringOutages' }, SEPTEMBER, SITE_2_PHONE)).toEqual({
      siteId: '2',
      channel: 'phone',
      from: '2020-09-01',
      to: '2020-09-30',
      duringOutages: 'true',
    });
  });
});
