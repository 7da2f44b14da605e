import type { Labelled } from '@madoguchi/contracts';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendProblem } from '../common/problem.filter';
import { DomainProblem } from '../common/problems';

/** Failed sign-ins allowed per minute, for one account and, separately, for one address. */
export const SIGN_IN_FAILURES_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

class TooManySignInsProblem extends DomainProblem {
  constructor(retryAfter: number, detail: Labelled) {
    super(429, 'too-many-sign-ins', 'Too many failed sign-ins', detail, [], { retryAfter });
  }
}

/** The account a sign-in is for, as the accounts are told apart: by name, regardless of case. */
export const signInAccount = (request: Request) =>
  String((request.body as { username?: unknown } | undefined)?.username ?? '')
    .trim()
    .toLowerCase();

function limiter(key: (request: Request) => string, detail: (minutes: number) => Labelled): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: SIGN_IN_FAILURES_PER_MINUTE,
    // Only wrong credentials count: staff signing in all morning from the counter's one address are never held up,
    // and a request refused before any password was checked (400, 422) is not a guess.
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_request: Request, response: Response) => response.statusCode !== 401,
    keyGenerator: key,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (request: Request, response: Response) => {
      const reset = (request as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
      sendProblem(new TooManySignInsProblem(seconds, detail(Math.ceil(seconds / 60))), request, response);
    },
  });
}

/**
 * In front of POST /api/auth/login: after ten failures in a minute for one account, or from one address, the next
 * sign-in is answered 429 with Retry-After, before any password is hashed.
 */
export function signInThrottle(): RequestHandler[] {
  return [
    limiter(
      // An IPv6 client is counted by its /56, as it can change the rest of its address at will.
      (request) => `address:${ipKeyGenerator(request.ip ?? 'unknown')}`,
      (minutes) => ({
        ja: `この端末からのサインインの失敗が続いたため、${minutes}分ほど受け付けません。時間をおいてお試しください。`,
        en: `Too many failed sign-ins from this address; try again in about ${minutes} minute(s).`,
      }),
    ),
    limiter(
      (request) => `account:${signInAccount(request)}`,
      (minutes) => ({
        ja: `このユーザー名でのサインインの失敗が続いたため、${minutes}分ほど受け付けません。パスワードが分からない場合は管理者に再設定を依頼してください。`,
        en: `Too many failed sign-ins for this username; try again in about ${minutes} minute(s), or ask an admin to reset the password.`,
      }),
    ),
  ];
}
