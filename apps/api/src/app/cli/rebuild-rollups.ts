import type { DataSource } from 'typeorm';
import type { Settings } from '../config/config';
import { openDatabase } from '../db/data-source';
import { databaseTarget, describeTarget } from '../db/engine';
import { rebuildRollups } from '../stats/rollups/rollup-rebuild';

/**
 * `npm run rollups:rebuild`: counts the statistics' counters again from the cases, replaces them, and says whether
 * anything differed (exit code 3 when it did, so a scheduled check can alert). Safe while the server runs: each month
 * is counted and replaced in one write transaction.
 */
export async function rebuildRollupsFromCommandLine(settings: Settings): Promise<void> {
  let dataSource: DataSource | undefined;
  const started = Date.now();
  try {
    const target = databaseTarget(settings);
    dataSource = await openDatabase(target);
    process.stdout.write(`Counting the statistics again from the cases in ${describeTarget(target)}…\n`);
    const result = await rebuildRollups(dataSource.manager, (done, of) => {
      process.stdout.write(`  month ${done} of ${of}\n`);
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${result.cases.toLocaleString('en')} cases, ${result.counters.toLocaleString('en')} counters, in ${seconds} s.\n`,
    );
    if (result.differed === 0) {
      process.stdout.write('Nothing differed: the statistics were already equal to the cases.\n');
    } else {
      process.stdout.write(
        `${result.differed.toLocaleString('en')} counters differed from the cases and were corrected.\n`,
      );
      process.exitCode = 3;
    }
  } finally {
    await dataSource?.destroy();
  }
}
