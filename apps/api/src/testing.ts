// What the in-process API tests start the server with: the same calls as main.ts, without listening on a signal.
export { loadSettings } from './app/config/config';
export { startApp } from './app/create-app';
export { openDatabase } from './app/db/data-source';
export type { DatabaseTarget } from './app/db/engine';
export { databaseTarget } from './app/db/engine';
export { rebuildRollups } from './app/stats/rollups/rollup-rebuild';
export { StatsService } from './app/stats/stats.service';
export { WritePath } from './app/db/write-path';
