import type { SupportCase } from '@madoguchi/contracts';
import type { ApiClient } from './api-client';
import { pastNotCompleted } from './builders';
import { sql } from './database';

/** What one write of a burst got back: an HTTP answer, or no answer at all (the process died under it). */
export interface WriteOutcome {
  note: string;
  status: number | 'no-answer';
  id?: number;
  retryAfter?: string | null;
  problemType?: string;
  fault?: string;
}

/**
 * Logs `count` whole past cases, `concurrency` at a time, each with its own note so that it can be found in the file.
 * `afterEach(n)` runs after the n-th answer: the moment a test pulls the plug.
 */
export async function writeBurst(
  client: ApiClient,
  label: string,
  count: number,
  concurrency: number,
  afterEach: (answered: number) => void | Promise<void> = () => undefined,
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < count) {
      const note = `${label}-${next++}`;
      const outcome: WriteOutcome = { note, status: 'no-answer' };
      try {
        const response = await fetch(`${client.baseUrl}/api/cases`, {
          method: 'POST',
          headers: { authorization: `Bearer ${client.bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify(pastNotCompleted({ note })),
        });
        outcome.status = response.status;
        outcome.retryAfter = response.headers.get('retry-after');
        const body = (await response.json()) as Partial<SupportCase> & { type?: string; fault?: string };
        if (response.status === 201) outcome.id = body.id;
        else {
          outcome.problemType = body.type;
          outcome.fault = body.fault;
        }
      } catch {
        // Connection refused or reset: the request may or may not have been stored, and nothing was acknowledged.
      }
      outcomes.push(outcome);
      await afterEach(++answered);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

export interface BurstCheck {
  tried: number;
  acknowledged: number;
  refused: number;
  unanswered: number;
  found: number;
}

/**
 * Reads the file with a fresh connection (another process) and checks the promise of the write path: every `201` is
 * there under the id it was given, no id was given twice, and nothing answered with an error was stored.
 */
export function checkBurstAgainstFile(databasePath: string, label: string, outcomes: WriteOutcome[]): BurstCheck {
  const rows = sql<{ id: number; note: string }>(databasePath, `SELECT id, note FROM support_case WHERE note LIKE ?`, [
    `${label}-%`,
  ]);
  const stored = new Map(rows.map((r) => [r.note, r.id]));
  const acknowledged = outcomes.filter((o) => o.status === 201);
  const missing = acknowledged.filter((o) => stored.get(o.note) !== o.id).map((o) => `${o.note}#${o.id}`);
  const ids = acknowledged.map((o) => o.id);
  const reused = ids.filter((id, i) => ids.indexOf(id) !== i);
  const refusedButStored = outcomes.filter(
    (o) => typeof o.status === 'number' && o.status !== 201 && stored.has(o.note),
  );
  if (missing.length || reused.length || refusedButStored.length) {
    throw new Error(
      `write path broke its promise: acknowledged but missing ${JSON.stringify(missing)}, ids given twice ` +
        `${JSON.stringify(reused)}, refused but stored ${JSON.stringify(refusedButStored.map((o) => o.note))}`,
    );
  }
  return {
    tried: outcomes.length,
    acknowledged: acknowledged.length,
    refused: outcomes.filter((o) => typeof o.status === 'number' && o.status !== 201).length,
    unanswered: outcomes.filter((o) => o.status === 'no-answer').length,
    found: rows.length,
  };
}

/** The counts a person reading the test output wants to see. */
export function report(scenario: string, check: BurstCheck): void {
  process.stdout.write(
    `[write faults] ${scenario}: writes tried ${check.tried}, acknowledged ${check.acknowledged}, refused ${check.refused}` +
      `, unanswered ${check.unanswered}, found after restart ${check.found}\n`,
  );
}
