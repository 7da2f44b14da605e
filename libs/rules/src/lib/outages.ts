import { type OutageSystem, PLATFORM_FUNCTIONS, type PlatformFunction } from '@madoguchi/contracts';
import { type InstantInput, instantMillis, toUtcIso } from './time';

/** A maintenance or failure window: [startsAt, endsAt), still going on while endsAt is null. */
export interface OutageWindow {
  startsAt: string;
  endsAt: string | null;
  affects: PlatformFunction[];
  /** Which system is down; messages assume the MyKey Platform when absent. */
  system?: OutageSystem;
}

/** True when the instant falls in the outage: startsAt ≤ t < endsAt, or startsAt ≤ t while it has no end. */
export function outageCovers(outage: OutageWindow, instant: InstantInput): boolean {
  return covers(spanOf(outage), instantMillis(instant));
}

/** The outages going on at the instant. */
export function outagesAt<T extends OutageWindow>(instant: InstantInput, outages: readonly T[]): T[] {
  const t = instantMillis(instant);
  return outages.filter((outage) => covers(spanOf(outage), t));
}

/** The platform functions stopped at the instant, each once, in the order of PLATFORM_FUNCTIONS. */
export function stoppedFunctionsAt(instant: InstantInput, outages: readonly OutageWindow[]): PlatformFunction[] {
  const stopped = new Set(outagesAt(instant, outages).flatMap((outage) => outage.affects));
  return PLATFORM_FUNCTIONS.filter((fn) => stopped.has(fn));
}

/** The outages going on at the instant that stop at least one of `functions`. */
export function outagesStopping<T extends OutageWindow>(
  instant: InstantInput,
  outages: readonly T[],
  functions: readonly PlatformFunction[],
): T[] {
  return outagesAt(instant, outages).filter((outage) => stopsAny(outage, functions));
}

/** Either the instant every function in question works again, or the outage without an end that keeps one stopped. */
export type Resumption<T extends OutageWindow> = { resumesAt: string } | { blockedBy: T };

/** When `functions` all work again from `instant` on, following overlapping and back-to-back outages. */
export function resumptionAfter<T extends OutageWindow>(
  instant: InstantInput,
  outages: readonly T[],
  functions: readonly PlatformFunction[],
): Resumption<T> {
  const spans = outages.filter((outage) => stopsAny(outage, functions)).map(spanOf);
  let t = instantMillis(instant);
  // Each round leaves at least one outage behind for good, so one round per outage (plus the last look) is enough.
  for (let round = 0; round <= spans.length; round++) {
    const active = spans.filter((span) => covers(span, t));
    if (active.length === 0) {
      return { resumesAt: round === 0 ? toUtcIso(instant) : new Date(t).toISOString() };
    }
    const endless = active.find((span) => span.end === Infinity);
    if (endless) {
      return { blockedBy: endless.outage };
    }
    t = Math.max(...active.map((span) => span.end));
  }
  throw new Error('Unreachable: outages kept stopping the platform after every one of them had ended');
}

/** The first instant (UTC ISO) at or after `instant` when none of `functions` is stopped; null if an outage without an end stops one. */
export function resumesAt(
  instant: InstantInput,
  outages: readonly OutageWindow[],
  functions: readonly PlatformFunction[] = PLATFORM_FUNCTIONS,
): string | null {
  const resumption = resumptionAfter(instant, outages, functions);
  return 'resumesAt' in resumption ? resumption.resumesAt : null;
}

/** Outages that start in [from, to) and stop at least one of `functions`, earliest first. */
export function outagesStartingBetween<T extends OutageWindow>(
  from: InstantInput,
  to: InstantInput,
  outages: readonly T[],
  functions: readonly PlatformFunction[] = PLATFORM_FUNCTIONS,
): T[] {
  const start = instantMillis(from);
  const end = instantMillis(to);
  return outages
    .filter((outage) => stopsAny(outage, functions))
    .map(spanOf)
    .filter((span) => start <= span.start && span.start < end)
    .sort((a, b) => a.start - b.start)
    .map((span) => span.outage);
}

interface Span<T extends OutageWindow> {
  outage: T;
  start: number;
  /** Infinity while the outage has no end. */
  end: number;
}

// Parsing each bound once matters: the earliest-instant search looks at every outage many times.
function spanOf<T extends OutageWindow>(outage: T): Span<T> {
  return {
    outage,
    start: instantMillis(outage.startsAt),
    end: outage.endsAt === null ? Infinity : instantMillis(outage.endsAt),
  };
}

function covers(span: Span<OutageWindow>, t: number): boolean {
  return span.start <= t && t < span.end;
}

function stopsAny(outage: OutageWindow, functions: readonly PlatformFunction[]): boolean {
  return outage.affects.some((fn) => functions.includes(fn));
}
