import type { InsertResult } from 'typeorm';

/** The id the database gave the one row just inserted. */
export function insertedId(result: InsertResult): number {
  const id: unknown = result.identifiers[0]?.['id'];
  if (id === undefined) throw new Error('The database returned no id for the inserted row');
  return Number(id);
}
