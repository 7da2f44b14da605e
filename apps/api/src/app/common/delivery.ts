import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

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
