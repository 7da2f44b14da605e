import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// The in-process tier runs the API itself, so that a change can be tested without building the server.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadSettings, startApp } from '../../apps/api/src/testing';
import { freshDatabase, TestDatabase } from './engine';

export interface ApiServer {
  baseUrl: string;
  /** The database it serves from, on the test engine. */
  database: TestDatabase;
  /** Runs one SQL statement on that database from outside (see TestDatabase.sql). */
  sql: TestDatabase['sql'];
  stop: () => Promise<void>;
  /** A provider of the running application, for tests that compare it with another way to the same answer. */
  get: <T>(type: abstract new (...args: never[]) => T) => T;
}

/**
 * Starts the API in this Jest process (`startApp`, as `main.ts` does) on a free port, with a fresh database of the
 * test engine unless one is given; `stop()` removes a database it created. The HTTP answers are the server's own.
 */
export async function startApi(env: Record<string, string> = {}, given?: TestDatabase): Promise<ApiServer> {
  const database = given ?? (await freshDatabase());
  try {
    const settings = loadSettings({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      MADOGUCHI_DEMO: '1',
      DEMO_CASES: '0',
      LOG_LEVEL: 'error',
      ...database.env,
      ...env,
    });
    const started = await startApp(settings);
    await started.app.listen(0, '127.0.0.1');
    const { port } = (started.app.getHttpServer() as Server).address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      database,
      sql: database.sql,
      get: (type) => started.app.get(type),
      stop: async () => {
        await started.stop();
        if (!given) await database.drop();
      },
    };
  } catch (error) {
    if (!given) await database.drop();
    throw error;
  }
}
