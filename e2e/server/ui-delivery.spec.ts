/*
 * How the built server delivers the UI: compressed text, hashed files kept by the browser for a year, index.html
 * asked for again at each load (so a new version is taken), API answers never kept, live streams never held back.
 */
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { ApiClient } from '../support/api-client';
import { openStream } from '../support/live-stream';
import { RunningServer, startServer } from '../support/server';

describe('delivering the UI', () => {
  let server: RunningServer;
  beforeAll(async () => (server = await startServer()));
  afterAll(() => server.stop());

  /** One GET as it travels (node's http neither asks for nor undoes compression unless told to). */
  const raw = (path: string, acceptEncoding?: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      httpGet(`${server.baseUrl}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    });

  /** The hashed script and style files the page loads, read from index.html as a browser would. */
  const pageAssets = async () => {
    const html = (await raw('/')).body.toString();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+-[A-Z0-9]{8}\.(?:js|css))"/g)].map((m) => `/${m[1]}`);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    return assets;
  };

  it('sends the page, at every address of a screen, asking the browser to check it each time', async () => {
    for (const path of ['/', '/counter', '/dashboard', '/self-check']) {
      const page = await raw(path, 'gzip');
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['vary']).toContain('Accept-Encoding');
    }
  });

  it('lets the browser keep the hashed scripts and styles for a year, and sends them compressed to under half', async () => {
    let compressedFiles = 0;
    for (const asset of await pageAssets()) {
      const plain = await raw(asset);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.headers['content-encoding']).toBeUndefined();
      // Below 1 KiB the headers would outweigh the saving: such a file goes as it is.
      if (plain.body.length < 1024) continue;
      compressedFiles++;

      const gzipped = await raw(asset, 'gzip');
      expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      // A chunk of a kilobyte or two is mostly unique names and compresses less; the big ones must halve.
      expect(gzipped.body.length).toBeLessThan(plain.body.length / (plain.body.length < 4096 ? 1.5 : 2));
      expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);

      // What a browser sends: brotli is taken when offered.
      const brotli = await raw(asset, 'gzip, deflate, br');
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
      // At brotli's best quality, as small as this file gets.
      const best = brotliCompressSync(plain.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      expect(brotli.body.length).toBe(best.length);
    }
    // The styles and the large framework chunk at least.
    expect(compressedFiles).toBeGreaterThanOrEqual(2);
  });

  it('keeps API answers out of every cache, compressed or not', async () => {
    const manager = await ApiClient.signIn(server.baseUrl, 'manager');
    const response = await fetch(`${server.baseUrl}/api/payment-services`, {
      headers: { authorization: `Bearer ${manager.bearer}`, 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends live events at once, uncompressed, to a browser that accepts gzip', async () => {
    const stream = await openStream(server.baseUrl, '/api/public/live', { 'accept-encoding': 'gzip' });
    try {
      expect(stream.headers.get('content-encoding')).toBeNull();
      await stream.next('ready', 2000);
    } finally {
      stream.close();
    }
  });
});
