import type { PlatformFunction } from '@madoguchi/contracts';
import type { DeskCalendarSettings } from './calendar';
import { assertDate } from './time';

/** The Tokyo days ('YYYY-MM-DD', both included) during which the desk supports one procedure. */
export interface ProgrammeWindow {
  from: string;
  to: string;
}

/** A support window for each step of the programme that the desk helps with. */
export type ProgrammeWindows = Readonly<Record<PlatformFunction, ProgrammeWindow>>;

/**
 * FY2020 Mynapoint. Seed: 「予約は現在受付中!申込みは7月以降順次可能です」 — reservations were taken before July,
 * so their support opens with the 2020 fiscal year of 「2020年度実施」; applications opened 2020-07-01; both ran to
 * the final deadline, 2021-12-31.
 */
export const FY2020_PROGRAMME_WINDOWS: ProgrammeWindows = {
  reservation: { from: '2020-04-01', to: '2021-12-31' },
  application: { from: '2020-07-01', to: '2021-12-31' },
};

/** Every way the windows are wrong, in words naming the procedure; empty when they are usable. */
export function programmeWindowProblems(windows: ProgrammeWindows): string[] {
  const problems: string[] = [];
  for (const [fn, window] of Object.entries(windows) as [PlatformFunction, ProgrammeWindow][]) {
    try {
      if (assertDate(window.from) > assertDate(window.to)) {
        problems.push(`the ${fn} window starts (${window.from}) after it ends (${window.to})`);
      }
    } catch (error) {
      problems.push(`the ${fn} window has ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The desk's calendar over every window: it opens on a day when it supports at least one procedure. */
export function deskCalendarOf(
  windows: ProgrammeWindows,
  rest: Omit<DeskCalendarSettings, 'programmeStart' | 'programmeEnd'> = {},
): DeskCalendarSettings {
  const all = Object.values(windows);
  return {
    ...rest,
    programmeStart: all.map((w) => assertDate(w.from)).reduce((a, b) => (a < b ? a : b)),
    programmeEnd: all.map((w) => assertDate(w.to)).reduce((a, b) => (a > b ? a : b)),
  };
}

/**
 * The desk's calendar for a procedure needing these functions: open only on days inside every needed window and the
 * desk's own period. With no function needed (a citizen already reserved asking for a reservation) the desk's own.
 */
export function calendarForFunctions(
  desk: DeskCalendarSettings,
  windows: ProgrammeWindows,
  functions: readonly PlatformFunction[],
): DeskCalendarSettings {
  let start = assertDate(desk.programmeStart);
  let end = assertDate(desk.programmeEnd);
  for (const fn of functions) {
    const window = windows[fn];
    if (assertDate(window.from) > start) start = window.from;
    if (assertDate(window.to) < end) end = window.to;
  }
  return { ...desk, programmeStart: start, programmeEnd: end };
}
