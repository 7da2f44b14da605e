import { generateDemoCases } from '../lib/demo-cases';

/**
 * Times the generator alone (no database) and reports the resident memory, to show that a million cases stream in
 * constant memory. Usage: npx nx run demo-data:measure (bundles this file with esbuild and runs it in plain Node)
 */
function main(): void {
  const casesArg = process.argv.find((arg) => arg.startsWith('--cases='));
  const cases = casesArg ? Number(casesArg.slice('--cases='.length)) : 1_000_000;
  let count = 0;
  let batches = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  for (const batch of generateDemoCases({ cases })) {
    count += batch.length;
    batches++;
    if (batches % 20 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(count / seconds).toLocaleString('en');
  console.log(
    `${count.toLocaleString('en')} cases in ${batches} batches: ${seconds.toFixed(2)} s (${perSecond}/s), ` +
      `peak RSS ${Math.round(peakRss / 1e6)} MB`,
  );
}

main();
