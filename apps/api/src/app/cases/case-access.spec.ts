import { mayChangeCase, mayReadCase } from './case-access';

const staff = { id: 7, role: 'staff' } as const;
const manager = { id: 2, role: 'manager' } as const;
// 2020-11-24 10:00 in Tokyo.
const now = new Date('2020-11-24T01:00:00Z');
const today = new Date('2020-11-24T00:30:00Z');
const yesterday = new Date('2020-11-23T06:00:00Z');

describe('which cases staff may reach', () => {
  it('lets staff change their own case of the day, and a waiting one nobody serves yet', () => {
    expect(mayChangeCase(staff, { staffId: 7, arrivedAt: today, createdAt: today }, now)).toBe(true);
    expect(mayChangeCase(staff, { staffId: null, arrivedAt: today, createdAt: today }, now)).toBe(true);
  });

  it('refuses staff another member’s case, and their own case of an earlier day', () => {
    expect(mayChangeCase(staff, { staffId: 8, arrivedAt: today, createdAt: today }, now)).toBe(false);
    expect(mayChangeCase(staff, { staffId: 7, arrivedAt: yesterday, createdAt: yesterday }, now)).toBe(false);
  });

  it('lets staff correct today a past case they wrote up today', () => {
    expect(mayChangeCase(staff, { staffId: 7, arrivedAt: yesterday, createdAt: today }, now)).toBe(true);
  });

  it('counts the day in Tokyo: 08:59 JST is the same day as 00:30 JST, whatever the UTC date', () => {
    const justAfterMidnight = new Date('2020-11-23T15:30:00Z');
    const morning = new Date('2020-11-23T23:59:00Z');
    expect(
      mayChangeCase(staff, { staffId: 7, arrivedAt: justAfterMidnight, createdAt: justAfterMidnight }, morning),
    ).toBe(true);
    const lateEvening = new Date('2020-11-23T14:59:00Z');
    expect(mayChangeCase(staff, { staffId: 7, arrivedAt: lateEvening, createdAt: lateEvening }, morning)).toBe(false);
  });

  it('lets staff read today’s queue and every case they served, but not others’ past cases', () => {
    expect(mayReadCase(staff, { staffId: 8, arrivedAt: today, createdAt: today }, now)).toBe(true);
    expect(mayReadCase(staff, { staffId: 7, arrivedAt: yesterday, createdAt: yesterday }, now)).toBe(true);
    expect(mayReadCase(staff, { staffId: 8, arrivedAt: yesterday, createdAt: yesterday }, now)).toBe(false);
  });

  it('lets managers read and change any case', () => {
    const old = { staffId: 8, arrivedAt: yesterday, createdAt: yesterday };
    expect(mayReadCase(manager, old, now)).toBe(true);
    expect(mayChangeCase(manager, old, now)).toBe(true);
  });
});
