/** The letter of a site's tickets: sites in the order they were registered get A, B, C, … (then AA, AB, …). */
export function ticketPrefix(siteIndex: number): string {
  if (!Number.isInteger(siteIndex) || siteIndex < 0) throw new RangeError(`siteIndex must be a whole number ≥ 0`);
  let letters = '';
  for (let n = siteIndex + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The ticket as printed and shown on the display: `A-012` (three digits at least, so that a day's tickets align). */
export function ticketLabel(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(3, '0')}`;
}

/** Prefix and number of a printed ticket, or null when the text is no ticket. */
export function parseTicket(label: string): { prefix: string; number: number } | null {
  const [, prefix, digits] = /^([A-Z]+)-(\d{3,})$/.exec(label) ?? [];
  return prefix && digits ? { prefix, number: Number(digits) } : null;
}
