import { reasonsOfOutagesNow, turnedAwayBy, turnedAwayCount, type CostedCase, type CostedOutage } from './outage-cost';

// The terminal fault of Tue 8 Sep 2020, 10:00–11:00 in Tokyo, stopping both functions.
const terminal: CostedOutage = {
  system: 'terminal',
  paymentServiceId: null,
  startsAt: '2020-09-08T01:00:00.000Z',
  endsAt: '2020-09-08T02:00:00.000Z',
  affects: ['reservation', 'application'],
};
const platform: CostedOutage = { ...terminal, system: 'mykey_platform', affects: ['reservation'] };
const service7: CostedOutage = {
  ...terminal,
  system: 'payment_service',
  paymentServiceId: 7,
  affects: ['application'],
};

const during = '2020-09-08T01:30:00.000Z';
const turnedAway = (overrides: Partial<CostedCase>): CostedCase => ({
  arrivedAt: during,
  status: 'not_completed',
  reason: 'terminal_fault',
  procedure: 'both',
  alreadyReserved: false,
  paymentServiceId: 7,
  ...overrides,
});

describe('turnedAwayBy: what an outage cost', () => {
  it.each<[string, CostedOutage, Partial<CostedCase>, boolean]>([
    ['the terminal failing a case that arrived during it', terminal, {}, true],
    ['a case that arrived before it started', terminal, { arrivedAt: '2020-09-08T00:59:59.999Z' }, false],
    ['a case that arrived the moment it ended', terminal, { arrivedAt: '2020-09-08T02:00:00.000Z' }, false],
    ['a case that arrived during it and completed', terminal, { status: 'completed', reason: null }, false],
    ['a case that failed during it for another reason', terminal, { reason: 'pin_locked' }, false],
    ['an inquiry, which needs no terminal function', terminal, { procedure: 'inquiry' }, false],
    [
      'the platform stopping a reservation',
      platform,
      { reason: 'platform_maintenance', procedure: 'reservation' },
      true,
    ],
    [
      'the platform stopping reservations, for a citizen who only applied',
      platform,
      { reason: 'platform_maintenance', procedure: 'application' },
      false,
    ],
    [
      'the platform stopping reservations, for a both case already reserved',
      platform,
      { reason: 'platform_maintenance', alreadyReserved: true },
      false,
    ],
    ['a payment service down, for its own applicants', service7, { reason: 'payment_service_down' }, true],
    [
      "a payment service down, for another service's applicant",
      service7,
      { reason: 'payment_service_down', paymentServiceId: 8 },
      false,
    ],
    ['a payment service down, recorded as the terminal', service7, { reason: 'terminal_fault' }, false],
    [
      'an outage still running, for a case that arrived during it',
      { ...terminal, endsAt: null },
      { arrivedAt: '2020-09-09T05:00:00.000Z' },
      true,
    ],
  ])('%s: %s', (_what, outage, overrides, expected) => {
    expect(turnedAwayBy(outage, turnedAway(overrides))).toBe(expected);
  });

  it('counts a hand-made morning: 22 arrived during the terminal fault, 15 of them turned away by it', () => {
    const cases: CostedCase[] = [
      ...Array.from({ length: 15 }, () => turnedAway({})),
      ...Array.from({ length: 4 }, () => turnedAway({ status: 'completed', reason: null })),
      ...Array.from({ length: 2 }, () => turnedAway({ reason: 'cert_expired' })),
      turnedAway({ procedure: 'inquiry' }),
      turnedAway({ arrivedAt: '2020-09-08T03:00:00.000Z' }),
    ];
    expect(turnedAwayCount(terminal, cases)).toBe(15);
  });
});

describe('reasonsOfOutagesNow: what the finish dialog offers first', () => {
  const both = { procedure: 'both' as const, alreadyReserved: false, paymentServiceId: 7 };
  it('offers the reasons of the outages running now that stop what the case needs', () => {
    expect(reasonsOfOutagesNow([platform, terminal, service7], both, during)).toEqual([
      'platform_maintenance',
      'terminal_fault',
      'payment_service_down',
    ]);
  });
  it('leaves out outages that are over, that stop nothing it needs, or that are another service', () => {
    expect(reasonsOfOutagesNow([terminal], both, '2020-09-08T02:00:00.000Z')).toEqual([]);
    expect(reasonsOfOutagesNow([platform], { ...both, procedure: 'application' }, during)).toEqual([]);
    expect(reasonsOfOutagesNow([service7], { ...both, paymentServiceId: 8 }, during)).toEqual([]);
    expect(reasonsOfOutagesNow([terminal], { ...both, procedure: 'inquiry' }, during)).toEqual([]);
  });
});
