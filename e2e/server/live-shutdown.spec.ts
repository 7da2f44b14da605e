/* Stopping the built server while live streams are open: the process, not only the app, must end cleanly. */
import { ApiClient } from '../support/api-client';
import { openStream } from '../support/live-stream';
import { startServer } from '../support/server';

describe('stopping with streams open', () => {
  it('SIGTERM ends the open streams and the process exits 0 without waiting for the clients', async () => {
    const server = await startServer();
    const staff = await ApiClient.signIn(server.baseUrl, 'staff');
    const desk = await openStream(server.baseUrl, '/api/live/desk', { authorization: `Bearer ${staff.bearer}` });
    const open = await openStream(server.baseUrl, '/api/public/live');
    await Promise.all([desk.next('ready'), open.next('ready')]);
    const exit = await server.kill('SIGTERM');
    // The shutdown deadline (10 s) would exit 1: 0 means the streams did not hold the server up.
    expect(exit).toMatchObject({ code: 0 });
    await Promise.all([desk.ended, open.ended]);
    expect(server.output()).not.toMatch(/ERROR/);
  });
});
