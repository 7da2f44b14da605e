import { Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { UserAccount } from './app/auth/user.entity';
import { backupCommand, claimDatabase } from './app/cli/backup';
import { createAdminFromCommandLine } from './app/cli/create-admin';
import { loadSettings, Settings, SettingsError } from './app/config/config';
import { createApp } from './app/create-app';
import { sealReadConnection } from './app/db/data-source';
import { DEMO_PASSWORD, seedDemo } from './app/demo/demo-seeder';
import { APP_VERSION } from './app/version';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function serve(settings: Settings): Promise<void> {
  const { app, dataSource, stop } = await createApp(settings);
  if (settings.MADOGUCHI_DEMO) {
    const result = await seedDemo(dataSource, { cases: settings.DEMO_CASES, seed: settings.DEMO_SEED });
    if (result.seeded) Logger.log(`Demo data written: ${result.cases.toLocaleString('en')} cases`, 'Demo');
  }
  if (!(await dataSource.getRepository(UserAccount).exists())) {
    const how = `No account exists yet. Create the first admin with: npm run create-admin -- <username> "<display name>"`;
    if (settings.NODE_ENV === 'production') throw new Error(`${how}\nA production server does not start without one.`);
    Logger.warn(how, 'Setup');
  }
  // From here on every change goes through the write path; a stray write on the reading connection fails loudly.
  await sealReadConnection(dataSource);
  const release = claimDatabase(settings.DATABASE_PATH);
  stopOnSignals(async () => {
    await stop();
    release();
  });
  await app.listen(settings.PORT, settings.HOST ?? '127.0.0.1');
  const url = `http://localhost:${settings.PORT}/`;
  const lines = [
    `Madoguchi ${APP_VERSION} is serving the desk at ${url}`,
    `  API ${url}api   ·   API docs ${url}api/docs   ·   database ${resolve(settings.DATABASE_PATH)}`,
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
  if (process.argv[2] === 'create-admin') {
    await createAdminFromCommandLine(settings, process.argv.slice(3));
    return;
  }
  // The built UI sits beside the built server: dist/apps/admin/browser next to dist/apps/api.
  settings.ADMIN_UI_PATH ??= join(__dirname, '..', 'admin', 'browser');
  await serve(settings);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Madoguchi could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
