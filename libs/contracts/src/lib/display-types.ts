import type { IsoInstant, TokyoDate } from './api-types';
import type { CongestionOutage } from './stats-types';

/** Outages a citizen should know of: going on now, and announced ahead of time (the next two weeks). */
export interface PublicOutages {
  at: IsoInstant;
  now: CongestionOutage[];
  announced: CongestionOutage[];
}

/** A ticket called to a counter. */
export interface CalledTicket {
  /** As printed: `A-012`. */
  ticket: string;
  prefix: string;
  number: number;
  /** The counter (窓口番号) to go to; null when staff did not say which. */
  counter: number | null;
  calledAt: IsoInstant;
}

/**
 * What the waiting-room display of one site shows: only tickets, counters, counts and times. It names no person,
 * staff member or case, so that anyone in the room (and anyone on the network) may read it.
 */
export interface PublicDisplay {
  at: IsoInstant;
  site: { code: string; name: string; ticketPrefix: string };
  /** The desk is within its hours now. */
  open: boolean;
  /** Today's opening hours (Asia/Tokyo, `HH:mm`); empty when the desk is closed all day. */
  today: { date: TokyoDate; hours: { from: string; to: string }[]; holidayName: string | null };
  /** Tickets called today at this site, latest first (at most six). */
  called: CalledTicket[];
  /** Today's tickets at this site still waiting. */
  waiting: number;
  inService: number;
  /** As on the congestion page, for this site's queue; null when closed or nothing to go by. */
  estimatedWaitMinutes: number | null;
  outagesNow: CongestionOutage[];
  /** Announced outages that start later today (Tokyo day). */
  outagesLaterToday: CongestionOutage[];
}
