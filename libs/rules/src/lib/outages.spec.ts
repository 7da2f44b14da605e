import {
  type OutageWindow,
  outageCovers,
  outagesAt,
  outagesStartingBetween,
  resumesAt,
  stoppedFunctionsAt,
} from './outages';

/** The real MyKey Platform maintenance announced for 2020-07-23 07:00 to 2020-07-24 00:30. */
const JULY_23: OutageWindow = {
  startsAt: '2020-07-22T22:00:00.000Z',
  endsAt: '2020-07-23T15:30:00.000Z',
  affects: ['reservation'],
};

describe('outageCovers', () => {
  it('is half-open: from its start, up to but not at its end', () => {
    expect(outageCovers(JULY_23, '2020-07-23T06:59:59.999+09:00')).toBe(false);
    expect(outageCovers(JULY_23, '2020-07-23T07:00:00+09:00')).toBe(true);
    expect(outageCovers(JULY_23, '2020-07-24T00:29:59.999+09:00')).toBe(true);
    expect(outageCovers(JULY_23, '2020-07-24T00:30:00+09:00')).toBe(false);
  });

  it('goes on while it has no end', () => {
    const ongoing = { ...JULY_23, endsAt: null };
    expect(outageCovers(ongoing, '2030-01-01T00:00:00Z')).toBe(true);
    expect(outageCovers(ongoing, '2020-07-22T21:59:59.999Z')).toBe(false);
  });
});

describe('outagesAt and stoppedFunctionsAt', () => {
  const both: OutageWindow = {
    startsAt: '2020-07-23T12:00:00+09:00',
    endsAt: '2020-07-23T13:00:00+09:00',
    affects: ['application', 'reservation'],
  };

  it('lists what is stopped, each function once, in a fixed order', () => {
    expect(stoppedFunctionsAt('2020-07-23T12:30:00+09:00', [JULY_23, both])).toEqual(['reservation', 'application']);
    expect(stoppedFunctionsAt('2020-07-23T13:00:00+09:00', [JULY_23, both])).toEqual(['reservation']);
    expect(stoppedFunctionsAt('2020-07-24T01:00:00+09:00', [JULY_23, both])).toEqual([]);
  });

  it('hands back the caller’s own outage records', () => {
    const recorded = [{ ...JULY_23, id: 7, note: '事前告知あり' }];
    expect(outagesAt('2020-07-23T10:00:00+09:00', recorded)).toEqual(recorded);
    expect(outagesAt('2020-07-23T10:00:00+09:00', recorded)[0]?.id).toBe(7);
  });
});

describe('resumesAt', () => {
  it('is the instant itself when nothing is stopped', () => {
    expect(resumesAt('2020-07-22T10:00:00+09:00', [JULY_23], ['reservation'])).toBe('2020-07-22T01:00:00.000Z');
  });

  it('ignores outages that stop other functions', () => {
    expect(resumesAt('2020-07-23T10:00:00+09:00', [JULY_23], ['application'])).toBe('2020-07-23T01:00:00.000Z');
  });

  it('follows overlapping and back-to-back outages to their common end', () => {
    const overlapping: OutageWindow = {
      startsAt: '2020-07-24T00:00:00+09:00',
      endsAt: '2020-07-24T02:00:00+09:00',
      affects: ['reservation'],
    };
    const backToBack: OutageWindow = {
      startsAt: '2020-07-24T02:00:00+09:00',
      endsAt: '2020-07-24T03:00:00+09:00',
      affects: ['reservation', 'application'],
    };
    expect(resumesAt('2020-07-23T10:00:00+09:00', [backToBack, JULY_23, overlapping], ['reservation'])).toBe(
      '2020-07-23T18:00:00.000Z',
    );
  });

  it('is null while an outage without an end stops the function', () => {
    expect(resumesAt('2020-07-23T10:00:00+09:00', [{ ...JULY_23, endsAt: null }], ['reservation'])).toBeNull();
  });
});

describe('outagesStartingBetween', () => {
  it('lists outages starting in [from, to) that stop the functions, earliest first', () => {
    const later: OutageWindow = {
      startsAt: '2020-07-23T09:00:00+09:00',
      endsAt: '2020-07-23T10:00:00+09:00',
      affects: ['reservation'],
    };
    const other: OutageWindow = { ...later, affects: ['application'] };
    expect(
      outagesStartingBetween(
        '2020-07-23T07:00:00+09:00',
        '2020-07-23T09:00:00+09:00',
        [later, JULY_23, other],
        ['reservation'],
      ),
    ).toEqual([JULY_23]);
    expect(
      outagesStartingBetween(
        '2020-07-23T00:00:00+09:00',
        '2020-07-23T12:00:00+09:00',
        [later, JULY_23, other],
        ['reservation'],
      ),
    ).toEqual([JULY_23, later]);
  });
});
