/*
 * Two built API processes on different ports against one PostgreSQL database, as a load balancer would run them:
 * simultaneous edits of the same cases, unique follow-up codes and tickets, and live news between the processes.
 */
import { ApiClient } from '../support/api-client';
import { freshDatabase, TestDatabase } from '../support/engine';
import { RunningServer, startServer } from '../support/server';
import {
  itKeepsTwoServersConsistent,
  liveNewsCrossesServers,
  signOutEndsStreamsEverywhere,
} from '../support/several-servers';

describe('two API processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let east: RunningServer;
  let west: RunningServer;
  let eastManager: ApiClient;
  let westManager: ApiClient;

  beforeAll(async () => {
    database = await freshDatabase();
    // One after the other: the first writes the demo accounts, the second finds them.
    east = await startServer(database.env);
    west = await startServer(database.env);
    eastManager = await ApiClient.signIn(east.baseUrl, 'manager');
    westManager = await ApiClient.signIn(west.baseUrl, 'manager');
  });
  afterAll(async () => {
    await east.stop();
    await west.stop();
    await database.drop();
  });

  it('runs as two processes on two ports', async () => {
    expect(east.baseUrl).not.toBe(west.baseUrl);
    expect(east.pid).not.toBe(west.pid);
  });

  itKeepsTwoServersConsistent(() => [eastManager, westManager]);

  it('tells a screen streaming from one process of a case committed through the other', () =>
    liveNewsCrossesServers(east.baseUrl, west.baseUrl));

  it('ends the streams of a session in every process when it signs out in one', () =>
    signOutEndsStreamsEverywhere(east.baseUrl, west.baseUrl));
});
