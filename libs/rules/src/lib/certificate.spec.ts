import fc from 'fast-check';
import { DateTime } from 'luxon';
import { deskCalendar, isDeskOpenAt } from './calendar';
import {
  ageOn,
  cardValidUntil,
  certificateRenewableFrom,
  certificateValidUntil,
  DEFAULT_CERT_WAIT_HOURS,
  deskReturnAfterCertificateChange,
  earliestAfterCertificateChange,
  isCertificateValidOn,
  isWithinCertificateWait,
  nthBirthdayAfter,
} from './certificate';

describe('earliestAfterCertificateChange', () => {
  it('waits 24 hours by default, from the moment 市民課 finished', () => {
    expect(DEFAULT_CERT_WAIT_HOURS).toBe(24);
    expect(earliestAfterCertificateChange('2020-11-20T10:00:00+09:00')).toBe('2020-11-21T01:00:00.000Z');
    expect(earliestAfterCertificateChange('2020-11-20T01:00:00.000Z')).toBe('2020-11-21T01:00:00.000Z');
  });

  it('takes other waits used by other programmes', () => {
    expect(earliestAfterCertificateChange('2020-11-20T10:00:00+09:00', 1)).toBe('2020-11-20T02:00:00.000Z');
    expect(earliestAfterCertificateChange('2020-11-20T10:00:00+09:00', 72)).toBe('2020-11-23T01:00:00.000Z');
  });

  it('refuses a negative or unreadable wait', () => {
    expect(() => earliestAfterCertificateChange('2020-11-20T10:00:00+09:00', -1)).toThrow(RangeError);
    expect(() => earliestAfterCertificateChange('2020-11-20T10:00:00+09:00', Number.NaN)).toThrow(RangeError);
    expect(() => earliestAfterCertificateChange('not a time')).toThrow(RangeError);
  });

  it('ends the wait exactly 24 hours later', () => {
    const renewed = '2020-11-20T10:00:00+09:00';
    expect(isWithinCertificateWait(renewed, '2020-11-21T09:59:59.999+09:00')).toBe(true);
    expect(isWithinCertificateWait(renewed, '2020-11-21T10:00:00+09:00')).toBe(false);
  });
});

describe('birthdays and ages', () => {
  it('counts birthdays strictly after the day', () => {
    expect(nthBirthdayAfter('1980-07-23', '2020-07-01', 5)).toBe('2024-07-23');
    expect(nthBirthdayAfter('1980-07-23', '2020-07-23', 5)).toBe('2025-07-23');
    expect(nthBirthdayAfter('1980-07-23', '2020-07-24', 1)).toBe('2021-07-23');
  });

  it('puts a 29 February birthday on 28 February in common years', () => {
    expect(nthBirthdayAfter('2000-02-29', '2020-03-01', 5)).toBe('2025-02-28');
    expect(nthBirthdayAfter('2000-02-29', '2020-02-28', 5)).toBe('2024-02-29');
  });

  it('gives the age in completed years', () => {
    expect(ageOn('1980-07-23', '2020-07-22')).toBe(39);
    expect(ageOn('1980-07-23', '2020-07-23')).toBe(40);
    expect(ageOn('2006-02-01', '2020-07-01')).toBe(14);
  });
});

describe('validity', () => {
  it('runs a card issued at 20 or over to the 10th birthday, a younger holder’s to the 5th', () => {
    expect(cardValidUntil({ issuedOn: '2020-07-01', birthDate: '1980-07-23' })).toBe('2029-07-23');
    expect(cardValidUntil({ issuedOn: '2020-07-01', birthDate: '2003-01-10' })).toBe('2025-01-10');
    expect(cardValidUntil({ issuedOn: '2020-07-01', birthDate: '2000-07-02' })).toBe('2024-07-02');
    expect(cardValidUntil({ issuedOn: '2020-07-02', birthDate: '2000-07-02' })).toBe('2030-07-02');
  });

  it('runs the certificate to the 5th birthday after issue, or to the card’s end if sooner', () => {
    expect(certificateValidUntil({ issuedOn: '2020-07-01', birthDate: '1980-07-23' })).toBe('2024-07-23');
    expect(
      certificateValidUntil({ issuedOn: '2020-08-01', birthDate: '2003-01-10', cardValidUntil: '2021-01-10' }),
    ).toBe('2021-01-10');
    expect(
      certificateValidUntil({ issuedOn: '2020-07-01', birthDate: '1980-07-23', cardValidUntil: '2029-07-23' }),
    ).toBe('2024-07-23');
  });

  it('allows renewal from 3 months before the end', () => {
    expect(certificateRenewableFrom('2021-01-10')).toBe('2020-10-10');
    expect(certificateRenewableFrom('2021-05-31')).toBe('2021-02-28');
  });

  it('counts the last day as valid', () => {
    expect(isCertificateValidOn('2021-01-10', '2021-01-10')).toBe(true);
    expect(isCertificateValidOn('2021-01-10', '2021-01-11')).toBe(false);
  });
});

describe('deskReturnAfterCertificateChange', () => {
  it.each([
    // Seed: 24 hours from 市民課's renewal, not from the visit. Renewed Friday 09:00 → Saturday 09:00, a 2nd Saturday.
    [
      'renewed Fri 2020-11-13 09:00: the open 2nd Saturday at 9:00',
      '2020-11-13T09:00:00+09:00',
      '2020-11-14T00:00:00.000Z',
    ],
    [
      'renewed Fri 2020-11-20 10:00: a 3rd Saturday, a Sunday and a holiday → Tue 8:30',
      '2020-11-20T10:00:00+09:00',
      '2020-11-23T23:30:00.000Z',
    ],
    ['renewed Sat 2020-11-14 11:30: Sunday → Mon 8:30', '2020-11-14T11:30:00+09:00', '2020-11-15T23:30:00.000Z'],
    ['renewed Mon 2020-11-16 16:45: Tue 16:45, still open', '2020-11-16T16:45:00+09:00', '2020-11-17T07:45:00.000Z'],
    [
      'renewed Wed 2020-11-18 17:30: Thu 17:30 is after hours → Fri 8:30',
      '2020-11-18T17:30:00+09:00',
      '2020-11-19T23:30:00.000Z',
    ],
    [
      'renewed 2nd Sat 2020-11-14 12:30 after the desk closed: Sunday → Mon 8:30',
      '2020-11-14T12:30:00+09:00',
      '2020-11-15T23:30:00.000Z',
    ],
    [
      'renewed Mon 2020-12-28 10:00: the year-end closure → Mon 2021-01-04 8:30',
      '2020-12-28T10:00:00+09:00',
      '2021-01-03T23:30:00.000Z',
    ],
  ])('%s', (_, renewedAt, expected) => {
    expect(deskReturnAfterCertificateChange(renewedAt)).toBe(expected);
  });

  it('counts the wait of the setting', () => {
    expect(deskReturnAfterCertificateChange('2020-11-20T10:00:00+09:00', 1)).toBe('2020-11-20T02:00:00.000Z');
    expect(deskReturnAfterCertificateChange('2020-11-20T16:30:00+09:00', 1)).toBe('2020-11-23T23:30:00.000Z');
  });

  it('is null when the desk does not open again before the programme ends', () => {
    expect(deskReturnAfterCertificateChange('2021-12-28T10:00:00+09:00')).toBeNull();
  });

  it('gives the first open instant at or after the end of the wait, whatever the renewal', () => {
    const HOUR = 3_600_000;
    const tokyoDay = (t: number) => DateTime.fromMillis(t, { zone: 'Asia/Tokyo' }).toISODate() ?? '';
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-03-25T00:00:00Z'), max: Date.parse('2022-01-05T00:00:00Z') }),
        fc.constantFrom(0, 1, 24, 24, 72),
        (renewed, hours) => {
          const result = deskReturnAfterCertificateChange(new Date(renewed), hours);
          const waitEnd = renewed + hours * HOUR;
          if (result === null) {
            expect(tokyoDay(waitEnd) >= '2021-12-28').toBe(true);
            return;
          }
          const back = Date.parse(result);
          expect(back).toBeGreaterThanOrEqual(waitEnd);
          expect(isDeskOpenAt(result)).toBe(true);
          if (back === waitEnd) return;
          // Later than the wait: the desk was closed when it ended and no opening starts in between.
          expect(isDeskOpenAt(new Date(waitEnd))).toBe(false);
          for (const day of deskCalendar(tokyoDay(waitEnd), tokyoDay(back))) {
            for (const h of day.hours) {
              const opens = Date.parse(`${day.date}T${h.from}:00+09:00`);
              expect(opens <= waitEnd || opens >= back).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
