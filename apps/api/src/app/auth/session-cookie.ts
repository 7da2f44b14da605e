import type { CookieOptions, Request, Response } from 'express';

/** The browser's sign-in: the same token as the bearer one, in a cookie no script can read. */
export const SESSION_COOKIE = 'madoguchi_session';

// Only the API reads it; without Max-Age it ends when the browser closes, like the desk's shared terminals want.
const options = (request: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: servedOverHttps(request),
  path: '/api',
});

// Behind the city's TLS proxy the connection to us is plain HTTP; the proxy says what the browser used.
function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return request.secure || first === 'https';
}

export function setSessionCookie(request: Request, response: Response, token: string): void {
  response.cookie(SESSION_COOKIE, token, options(request));
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, options(request));
}

/** The token of the session cookie, if the request carries one. */
export function sessionCookieOf(request: Request): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}
