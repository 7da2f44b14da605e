/*
 * Two API servers on one database, as several processes behind a load balancer run: concurrent edits of the same
 * cases lose no update, every change is audited once, and what must be unique (follow-up codes, ticket numbers) is.
 * Each server has its own connections and write path, so they meet only in the database; e2e/server runs the same
 * scenarios on two built processes.
 */
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { freshDatabase, TestDatabase } from '../support/engine';
import { itKeepsTwoServersConsistent } from '../support/several-servers';

describe('two servers on one database', () => {
  let database: TestDatabase;
  let east: ApiServer;
  let west: ApiServer;
  let eastManager: ApiClient;
  let westManager: ApiClient;

  beforeAll(async () => {
    database = await freshDatabase();
    // One after the other: the first writes the demo accounts, the second finds them.
    east = await startApi({}, database);
    west = await startApi({}, database);
    eastManager = await ApiClient.signIn(east.baseUrl, 'manager');
    westManager = await ApiClient.signIn(west.baseUrl, 'manager');
  });
  afterAll(async () => {
    await east.stop();
    await west.stop();
    await database.drop();
  });

  itKeepsTwoServersConsistent(() => [eastManager, westManager]);
});
