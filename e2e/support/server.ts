import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshDatabase, TEST_ENGINE } from './engine';

const ROOT = resolve(__dirname, '../..');
export const SERVER_MAIN = join(ROOT, 'dist/apps/api/main.js');

export interface RunningServer {
  baseUrl: string;
  /** The server's process id. */
  pid: number | undefined;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Sends a signal and resolves with how the process ended (SIGKILL: no chance to clean up). */
  kill: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs `node dist/apps/api/main.js` with the given settings; resolves with its exit code and everything it printed. */
export function runServerOnce(
  env: Record<string, string>,
  args: string[] = [],
  stdin?: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SERVER_MAIN, ...args], { env: { ...process.env, ...env }, cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    if (stdin !== undefined) child.stdin.end(stdin);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

/**
 * Starts the built server on a free port with a fresh database and waits until /api/health answers: a SQLite file,
 * or with MADOGUCHI_TEST_ENGINE=postgres (and no database given) a PostgreSQL database dropped when it stops.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
  const databasePath = env['DATABASE_PATH'] ?? join(dir, 'madoguchi.sqlite');
  const postgres =
    TEST_ENGINE === 'postgres' && !env['DATABASE_PATH'] && !env['DATABASE_URL'] ? await freshDatabase() : null;
  const cleanUp = () => {
    rmSync(dir, { recursive: true, force: true });
    return postgres?.drop();
  };
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: databasePath,
      ...postgres?.env,
      MADOGUCHI_DEMO: '1',
      DEMO_CASES: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanUp();
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await cleanUp();
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid,
    databasePath,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => void Promise.resolve(cleanUp()).then(() => done()));
        child.kill('SIGTERM');
      }),
    kill: (signal) =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return done({ code: child.exitCode, signal: child.signalCode });
        }
        child.once(
          'exit',
          (code, exitSignal) => void Promise.resolve(cleanUp()).then(() => done({ code, signal: exitSignal })),
        );
        child.kill(signal);
      }),
  };
}
