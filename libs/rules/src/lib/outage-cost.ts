import type { CaseStatus, OutageSystem, Procedure, ReasonCode } from '@madoguchi/contracts';
import { functionsOf } from './case-record';
import { outageCovers, type OutageWindow } from './outages';
import type { InstantInput } from './time';

/** The reason a case records when this system's outage is what stopped it. */
export const REASON_OF_OUTAGE: Readonly<Record<OutageSystem, ReasonCode>> = {
  mykey_platform: 'platform_maintenance',
  terminal: 'terminal_fault',
  payment_service: 'payment_service_down',
};

export interface CostedOutage extends OutageWindow {
  system: OutageSystem;
  /** The service that was down, for a payment service's outage. */
  paymentServiceId: number | null;
}

export interface CostedCase {
  arrivedAt: string;
  status: CaseStatus;
  reason: ReasonCode | null;
  procedure: Procedure;
  alreadyReserved: boolean;
  paymentServiceId: number | null;
}

/**
 * What an outage cost, one definition everywhere (DOMAIN.md): a case is turned away by an outage when it arrived
 * during it, needed a function the outage stopped, and ended not completed for the reason that outage explains:
 * the MyKey Platform's maintenance, the desk's terminal failing, or the case's own payment service being down.
 * A case that merely arrived during an outage is "during", not "turned away".
 */
export function turnedAwayBy(outage: CostedOutage, c: CostedCase): boolean {
  if (c.status !== 'not_completed' || c.reason !== REASON_OF_OUTAGE[outage.system]) return false;
  if (outage.system === 'payment_service' && c.paymentServiceId !== outage.paymentServiceId) return false;
  if (!outageCovers(outage, c.arrivedAt)) return false;
  return functionsOf(c.procedure, c.alreadyReserved).some((f) => outage.affects.includes(f));
}

/** How many of `cases` an outage turned away. */
export function turnedAwayCount(outage: CostedOutage, cases: readonly CostedCase[]): number {
  return cases.filter((c) => turnedAwayBy(outage, c)).length;
}

/**
 * The reasons to offer first when a case ends not completed at `now`: those of the outages running then that stop a
 * function the case needs (a payment service's only for its own applicants), so that the cost is recorded as such.
 */
export function reasonsOfOutagesNow(
  outages: readonly CostedOutage[],
  c: Pick<CostedCase, 'procedure' | 'alreadyReserved' | 'paymentServiceId'>,
  now: InstantInput,
): ReasonCode[] {
  const needed = functionsOf(c.procedure, c.alreadyReserved);
  const stopping = outages.filter(
    (o) =>
      outageCovers(o, now) &&
      o.affects.some((f) => needed.includes(f)) &&
      (o.system !== 'payment_service' || o.paymentServiceId === c.paymentServiceId),
  );
  return [...new Set(stopping.map((o) => REASON_OF_OUTAGE[o.system]))];
}
