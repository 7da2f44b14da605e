import { filterFromParams, filterQueryParams, filterSize } from './dashboard-filter';

describe('the dashboard filter bar in the URL', () => {
  it('reads every field with the API’s names and types', () => {
    expect(
      filterFromParams({ siteId: '2', staff: 'staff02', paymentServiceId: '7', channel: 'phone', ageBand: '65to74' }),
    ).toEqual({ siteId: 2, staff: 'staff02', paymentServiceId: 7, channel: 'phone', ageBand: '65to74' });
  });

  it('leaves out what is missing or malformed, so a hand-edited address still shows statistics', () => {
    expect(filterFromParams({})).toEqual({});
    expect(
      filterFromParams({ siteId: 'x', staff: '  ', paymentServiceId: '0', channel: 'fax', ageBand: 'teen' }),
    ).toEqual({});
  });

  it('writes unset fields as null so that navigating with a merge removes them from the address', () => {
    expect(filterQueryParams({ staff: 'staff', ageBand: 'under15' })).toEqual({
      siteId: null,
      staff: 'staff',
      paymentServiceId: null,
      channel: null,
      ageBand: 'under15',
    });
    expect(filterFromParams(filterQueryParams({ siteId: 1, channel: 'counter' }))).toEqual({
      siteId: 1,
      channel: 'counter',
    });
  });

  it('counts the fields that narrow the figures', () => {
    expect(filterSize({})).toBe(0);
    expect(filterSize({ siteId: 1, paymentServiceId: 3 })).toBe(2);
  });
});
