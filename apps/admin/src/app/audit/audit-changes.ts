/** Fields every record carries that say nothing about what changed. */
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields whose value differs between the record before and after a change; for a creation every field that has
 * a value, for a deletion every field it had.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !BOOKKEEPING.has(f));
  return fields
    .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
