/** The entries whose value is not undefined: in a PATCH, absent means "keep", so it must not reach the UPDATE. */
export function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
