import { tokyoDayRange } from '@madoguchi/rules';

/** A half-open span of instants [start, end). */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** The instants of the Tokyo days from..to, both included. */
export function tokyoDaysRange(from: string, to: string): InstantRange {
  const { start, end } = tokyoDayRange(from, to);
  if (!start || !end) throw new RangeError('Statistics need both a first and a last day');
  return { start, end };
}

/** Sorted, non-overlapping spans covering the given ones within `within`: a case inside two outages counts once. */
export function mergeSpans(spans: readonly InstantRange[], within: InstantRange): InstantRange[] {
  const clipped = spans
    .map((s) => ({
      start: new Date(Math.max(s.start.getTime(), within.start.getTime())),
      end: new Date(Math.min(s.end.getTime(), within.end.getTime())),
    }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: InstantRange[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
