// The API's contract, kept honest: the document the built server serves must equal docs/openapi.json, lint clean
// with Redocly's recommended rules, and give the committed client types; the stable routes change only with a new
// version and a CHANGELOG line. `--check` (npm test) fails otherwise; `--write` (npm run openapi:write) updates the
// committed files, and refuses a change to a stable route whose version was not raised.
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_SCHEMAS, contractSchemas } from './contract-schemas.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DOCUMENT = join(ROOT, 'docs/openapi.json');
const CLIENT_TYPES = join(ROOT, 'e2e/support/openapi.d.ts');
const CHANGELOG = join(ROOT, 'CHANGELOG.md');
const STABLE = 'x-stable-api';
const WORDING = new Set(['summary', 'description', 'example', 'examples']);
const BIN = (name) => join(ROOT, 'node_modules/.bin', name);
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

const problems = [];
const write = process.argv.includes('--write');
const scratch = mkdtempSync(join(tmpdir(), 'madoguchi-openapi-'));

try {
  if (readFileSync(CONTRACT_SCHEMAS, 'utf8') !== contractSchemas())
    problems.push('apps/api/src/app/common/openapi/contract-schemas.json is not what libs/contracts says.');

  const served = execFileSync(process.execPath, [join(ROOT, 'dist/apps/api/main.js'), 'openapi'], {
    encoding: 'utf8',
    env: { ...process.env, MADOGUCHI_DEMO: '', LOG_LEVEL: 'error' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const live = JSON.parse(served);
  const livePath = join(scratch, 'openapi.json');
  writeFileSync(livePath, served);
  const committed = JSON.parse(readFileSync(DOCUMENT, 'utf8'));

  for (const change of stableChanges(committed, live)) problems.push(change);
  const released = readFileSync(CHANGELOG, 'utf8').replace(/\s+/g, ' ');
  for (const [name, version] of Object.entries(live.info[STABLE] ?? {})) {
    if (!released.includes(`${name} API ${version}`))
      problems.push(`CHANGELOG.md has no line for the ${name} API ${version}: say what this version changed.`);
  }
  // A token is read-only: an operation it may call that is not a GET would be a way for a machine to change data.
  for (const [path, item] of Object.entries(live.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method !== 'get' && operation.security?.some((requirement) => 'apiToken' in requirement))
        problems.push(`${method.toUpperCase()} ${path} takes an API token, which may only read (GET).`);
    }
  }

  const typesPath = join(scratch, 'openapi.d.ts');
  execFileSync(BIN('openapi-typescript'), [livePath, '-o', typesPath], { env: quiet, stdio: 'pipe' });
  const types = readFileSync(typesPath, 'utf8');

  if (write) {
    if (problems.length) throw new Error(problems.join('\n'));
    writeFileSync(DOCUMENT, served);
    writeFileSync(CLIENT_TYPES, types);
    process.stdout.write('docs/openapi.json and e2e/support/openapi.d.ts are written from the built server.\n');
    lint();
    if (problems.length) throw new Error(problems.join('\n'));
  } else {
    if (!isDeepStrictEqual(live, committed))
      problems.push(
        `The served document differs from docs/openapi.json at ${firstDifference(committed, live)}: ` +
          'if the change is meant, run npm run openapi:write and commit the result.',
      );
    else lint();
    if (readFileSync(CLIENT_TYPES, 'utf8') !== types)
      problems.push('e2e/support/openapi.d.ts is not generated from the served document: run npm run openapi:write.');
    if (problems.length) throw new Error(problems.join('\n'));
    const count = Object.values(live.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    process.stdout.write(`The API document (${count} operations) lints clean and matches docs/openapi.json.\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// The committed document is linted (once it equals the served one), so that the ignore file can name its places.
function lint() {
  let report;
  try {
    report = execFileSync(BIN('redocly'), ['lint', DOCUMENT, '--format=json', '--config', join(ROOT, 'redocly.yaml')], {
      env: quiet,
      encoding: 'utf8',
      stdio: 'pipe',
      cwd: ROOT,
    });
  } catch (error) {
    report = error.stdout;
  }
  // A warning fails as an error does: the recommended rules pass with neither, or the ignore file says why.
  const found = JSON.parse(report).problems ?? [];
  if (found.length)
    problems.push(
      `Redocly's recommended rules fail on the document:\n${found
        .map((p) => `  ${p.severity} ${p.ruleId} at ${p.location?.[0]?.pointer ?? ''}: ${p.message}`)
        .join('\n')}`,
    );
}

/**
 * What breaks a client built on a stable API: one of its operations changed or went while the API kept its version,
 * the API itself went, or its version went down. Wording (summaries, descriptions, examples) may change freely.
 */
function stableChanges(before, after) {
  const changes = [];
  const was = before.info?.[STABLE] ?? {};
  const now = after.info?.[STABLE] ?? {};
  for (const [name, version] of Object.entries(was)) {
    if (!now[name]) changes.push(`The ${name} API ${version} is gone from the document: other systems build on it.`);
    else if (newer(version, now[name])) changes.push(`The ${name} API went from ${version} back to ${now[name]}.`);
  }
  for (const [path, item] of Object.entries(before.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const mark = operation[STABLE];
      if (!mark || now[mark.name] !== was[mark.name]) continue;
      const current = after.paths[path]?.[method];
      const where = `${method.toUpperCase()} ${path} (${mark.name} API ${was[mark.name]})`;
      if (!current) changes.push(`${where} is gone, but the version stayed.`);
      else if (!isDeepStrictEqual(contract(before, operation), contract(after, current)))
        changes.push(
          `${where} changed, but the version stayed: a client built on it could break. If the change is meant, ` +
            'raise the version in STABLE_APIS (apps/api/src/app/common/openapi/openapi.ts), add a CHANGELOG line ' +
            'for it, then run npm run openapi:write.',
        );
    }
  }
  return changes;
}

function newer(a, b) {
  return a.localeCompare(b, 'en', { numeric: true }) > 0;
}

/** An operation as a client depends on it: every schema it reaches written out, its wording left aside. */
function contract(document, operation) {
  // Under `properties` a key is a field's name (an outage's `description`), not wording.
  const strip = (node, names = false) =>
    Array.isArray(node)
      ? node.map((item) => strip(item))
      : typeof node === 'object' && node !== null
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([key]) => names || !WORDING.has(key))
              .map(([key, value]) => [key, strip(value, !names && key === 'properties')]),
          )
        : node;
  return strip(resolved(document, operation));
}

/** An operation with every schema it refers to written out, so that a change inside a shared schema counts too. */
function resolved(document, node, seen = new Set()) {
  if (Array.isArray(node)) return node.map((item) => resolved(document, item, seen));
  if (typeof node !== 'object' || node === null) return node;
  const target = typeof node.$ref === 'string' ? node.$ref : null;
  if (target) {
    if (seen.has(target)) return { $ref: target };
    const parts = target.replace(/^#\//, '').split('/');
    const value = parts.reduce((at, part) => at?.[part], document);
    return resolved(document, value, new Set([...seen, target]));
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolved(document, value, seen)]));
}

function firstDifference(a, b, at = '#') {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference(a[key], b[key], `${at}/${key}`);
    if (found) return found;
  }
  return at;
}
