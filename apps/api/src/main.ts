import { Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { backupCommand, claimDatabase } from './app/cli/backup';
import { createAdminFromCommandLine } from './app/cli/create-admin';
import { printOpenApiDocument } from './app/cli/openapi';
import { rebuildRollupsFromCommandLine } from './app/cli/rebuild-rollups';
import { loadSettings, Settings, SettingsError } from './app/config/config';
import { startApp } from './app/create-app';
import { DatabaseOpenError } from './app/db/data-source';
import { databaseTarget, describeTarget } from './app/db/engine';
import { DEMO_PASSWORD } from './app/demo/demo-seeder';
import { APP_VERSION } from './app/version';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function serve(settings: Settings): Promise<void> {
  const { app, stop } = await startApp(settings);
  const target = databaseTarget(settings);
  // A SQLite file belongs to this one process; a PostgreSQL database is shared by as many as run.
  const release = target.engine === 'sqlite' ? claimDatabase(target.path) : () => undefined;
  stopOnSignals(async () => {
    await stop();
    release();
  });
  await app.listen(settings.PORT, settings.HOST ?? '127.0.0.1');
  const url = `http://localhost:${settings.PORT}/`;
  const lines = [
    `Madoguchi ${APP_VERSION} is serving the desk at ${url}`,
    `  API ${url}api   ·   API docs ${url}api/docs   ·   database ${target.engine === 'sqlite' ? resolve(target.path) : describeTarget(target)}`,
    ...(settings.MADOGUCHI_DEMO
      ? [`  Demo accounts: staff / manager / admin, password "${DEMO_PASSWORD}" (demo mode: never in production)`]
      : []),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

/**
 * Only SIGTERM and SIGINT are trapped: the server stops taking requests, finishes those in flight within the
 * deadline and exits. A crash signal (SIGSEGV, SIGBUS) is left to end the process.
 */
function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    Logger.log(`${signal}: finishing the requests in flight, then stopping`, 'Shutdown');
    const deadline = setTimeout(() => {
      Logger.error(`Requests still running after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting without them`, 'Shutdown');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    stop().then(
      () => {
        clearTimeout(deadline);
        process.exit(0);
      },
      (error: unknown) => {
        Logger.error(`Stopping failed: ${String(error)}`, 'Shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting and its default.\n`);
      process.exit(2);
    }
    throw error;
  }
  const command = process.argv[2];
  if (command === 'backup' || command === 'restore') {
    backupCommand(settings, command, process.argv.slice(3));
    return;
  }
  if (command === 'create-admin') {
    await createAdminFromCommandLine(settings, process.argv.slice(3));
    return;
  }
  if (command === 'openapi') {
    await printOpenApiDocument(settings);
    return;
  }
  if (command === 'rollups-rebuild') {
    await rebuildRollupsFromCommandLine(settings);
    return;
  }
  // The built UI sits beside the built server: dist/apps/admin/browser next to dist/apps/api.
  settings.ADMIN_UI_PATH ??= join(__dirname, '..', 'admin', 'browser');
  await serve(settings);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseOpenError) {
    process.stderr.write(`Madoguchi could not start. ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Madoguchi could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
