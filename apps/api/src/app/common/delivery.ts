import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const brotli = promisify(brotliCompress);

/**
 * Text answers compressed (brotli, gzip or deflate, as the browser accepts) above 1 KiB. A live stream is left as it is:
 * compressed, its events would wait in the compressor's buffer instead of reaching the screen.
 */
export function compressText(): RequestHandler {
  return compression({
    filter: (request, response) =>
      !String(response.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
      compression.filter(request, response),
  });
}

// The build names every script, style and font after its content (main-G7R4W47T.js): such a file never changes.
const HASHED = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf|svg|png|jpg|webp)$/;

/**
 * How browsers may keep the UI's files: a hashed file for a year without asking again; anything else, index.html
 * above all, only after asking whether it changed, so that a new version is taken at the next load.
 */
export function uiCaching(request: Request, response: Response, next: NextFunction): void {
  if (!request.path.startsWith('/api/')) {
    response.setHeader('Cache-Control', HASHED.test(request.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
  next();
}

/**
 * The UI's hashed files in brotli at its best quality (a fifth smaller than what is quick enough per request),
 * compressed once in the thread pool and kept in memory: the whole UI is a few MiB, and such a file never changes.
 * Written here because express's static serving knows no precompressed files, and the build makes none.
 */
export function bestBrotliForUi(uiPath: string): RequestHandler {
  const root = resolve(uiPath);
  const kept = new Map<string, Promise<Buffer | null>>();
  const compressed = (path: string) => {
    let found = kept.get(path);
    if (!found) {
      found = readFile(path).then(
        (plain) => brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        () => null,
      );
      kept.set(path, found);
    }
    return found;
  };
  return (request, response, next) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      request.path.startsWith('/api/') ||
      !HASHED.test(request.path) ||
      !/\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''))
    ) {
      return next();
    }
    const path = resolve(root, `.${decodeURIComponent(request.path)}`);
    if (!path.startsWith(root + sep)) return next();
    compressed(path).then(
      (body) => {
        if (!body) return next();
        response.type(extname(path));
        response.setHeader('Content-Encoding', 'br');
        response.setHeader('Vary', 'Accept-Encoding');
        response.setHeader('Content-Length', body.length);
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => next(error),
    );
  };
}
