import { deskHoursOn, FY2020_MYNAPOINT } from './calendar';
import {
  calendarForFunctions,
  deskCalendarOf,
  FY2020_PROGRAMME_WINDOWS,
  programmeWindowProblems,
  type ProgrammeWindows,
} from './programme';

describe('programme windows', () => {
  it('open reservation support before July 2020 and application support on 2020-07-01 (the seed)', () => {
    expect(FY2020_PROGRAMME_WINDOWS.reservation.from < '2020-07-01').toBe(true);
    expect(FY2020_PROGRAMME_WINDOWS.application).toEqual({ from: '2020-07-01', to: '2021-12-31' });
    expect(deskCalendarOf(FY2020_PROGRAMME_WINDOWS)).toEqual(FY2020_MYNAPOINT);
  });

  it('give each procedure the days inside every window it needs', () => {
    const june = '2020-06-15';
    const reservation = calendarForFunctions(FY2020_MYNAPOINT, FY2020_PROGRAMME_WINDOWS, ['reservation']);
    const both = calendarForFunctions(FY2020_MYNAPOINT, FY2020_PROGRAMME_WINDOWS, ['reservation', 'application']);
    expect(deskHoursOn(june, reservation).open).toBe(true);
    expect(deskHoursOn(june, both)).toMatchObject({ open: false, closedReason: 'outside_programme' });
    expect(deskHoursOn('2020-07-01', both).open).toBe(true);
    expect(calendarForFunctions(FY2020_MYNAPOINT, FY2020_PROGRAMME_WINDOWS, [])).toEqual(FY2020_MYNAPOINT);
  });

  it('keep the desk-wide closures and openings', () => {
    const desk = { ...FY2020_MYNAPOINT, localClosures: ['2020-06-16'] };
    const reservation = calendarForFunctions(desk, FY2020_PROGRAMME_WINDOWS, ['reservation']);
    expect(deskHoursOn('2020-06-16', reservation)).toMatchObject({ open: false, closedReason: 'local_closure' });
  });

  it('say when a window is back to front or not a day', () => {
    const bad: ProgrammeWindows = {
      reservation: { from: '2021-01-01', to: '2020-12-31' },
      application: { from: '2020-02-30', to: '2021-12-31' },
    };
    const problems = programmeWindowProblems(bad);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('reservation window starts (2021-01-01) after it ends (2020-12-31)');
    expect(problems[1]).toContain('application window');
    expect(programmeWindowProblems(FY2020_PROGRAMME_WINDOWS)).toEqual([]);
  });
});
