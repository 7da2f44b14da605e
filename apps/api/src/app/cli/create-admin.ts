import { createInterface } from 'node:readline/promises';
import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { hashPassword } from '../auth/password';
import type { Settings } from '../config/config';
import { databaseTarget, describeTarget } from '../db/engine';
import { openDatabase } from '../db/data-source';

const USAGE =
  'Usage: npm run create-admin -- <username> ["Display name"]  (password from MADOGUCHI_ADMIN_PASSWORD or a prompt)';

async function readPassword(): Promise<string> {
  const fromEnv = process.env['MADOGUCHI_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question('Password for the new admin (at least 12 characters): ')).trim();
  } finally {
    rl.close();
  }
}

/** Creates an admin account in a database without demo data: the first step of a real installation. */
export async function createAdminFromCommandLine(settings: Settings, args: string[]): Promise<void> {
  const [typed, displayName] = args;
  // Kept in lower case, as the API keeps every username: one account however it is capitalised.
  const username = typed?.trim().toLowerCase();
  if (!username || !/^[a-z0-9._-]{2,64}$/i.test(username)) {
    process.stderr.write(`${USAGE}\nThe username takes 2–64 letters, digits, dots, hyphens or underscores.\n`);
    process.exit(2);
  }
  const password = await readPassword();
  if (password.length < 12) {
    process.stderr.write('The password must have at least 12 characters; nothing was created.\n');
    process.exit(2);
  }
  let dataSource: DataSource | undefined;
  try {
    dataSource = await openDatabase(databaseTarget(settings));
    // Before the server runs, no write path exists: the repository writes through the data source's own manager.
    const accounts = new AccountsRepository(dataSource);
    if (await accounts.usernameTaken(dataSource.manager, username)) {
      process.stderr.write(`An account named "${username}" already exists; nothing was created.\n`);
      process.exitCode = 2;
      return;
    }
    await accounts.insert(dataSource.manager, {
      username,
      displayName: displayName ?? username,
      role: 'admin',
      passwordHash: await hashPassword(password),
      disabled: false,
      siteId: null,
    });
    process.stdout.write(`Admin "${username}" created in ${describeTarget(databaseTarget(settings))}.\n`);
  } finally {
    await dataSource?.destroy();
  }
}
