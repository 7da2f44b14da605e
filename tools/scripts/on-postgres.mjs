// Runs a Jest config's tests on PostgreSQL (`node tools/scripts/on-postgres.mjs -c <config> [files]`): on the server
// MADOGUCHI_TEST_POSTGRES_URL (or DATABASE_URL) names, else on a local one at the default address. CI must have it;
// elsewhere its absence is said, not hidden.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const DEFAULT_URL = 'postgres://madoguchi:madoguchi@127.0.0.1:5432/madoguchi';
const url = process.env.MADOGUCHI_TEST_POSTGRES_URL || process.env.DATABASE_URL || DEFAULT_URL;
const shown = url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.end();
} catch (error) {
  const how =
    `No PostgreSQL answered at ${shown} (${error.message}).\n` +
    'To run the API tests on PostgreSQL too, start one and create a role that may create databases, e.g.\n' +
    `  su postgres -c "psql -c \\"CREATE ROLE madoguchi LOGIN PASSWORD 'madoguchi' CREATEDB\\""\n` +
    `  su postgres -c "psql -c 'CREATE DATABASE madoguchi OWNER madoguchi'"\n` +
    'or point MADOGUCHI_TEST_POSTGRES_URL at one (see README, "Tests on PostgreSQL").';
  if (process.env.CI) {
    console.error(`${how}\nCI runs the API tests on both engines: failing.`);
    process.exit(1);
  }
  console.warn(`\n*** These tests did not run on PostgreSQL: ${process.argv.slice(2).join(' ')} ***\n${how}\n`);
  process.exit(0);
}

const result = spawnSync('npx', ['jest', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MADOGUCHI_TEST_ENGINE: 'postgres', MADOGUCHI_TEST_POSTGRES_URL: url },
});
process.exit(result.status ?? 1);
