import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { DomainProblem } from '../common/problems';

// OWASP's scrypt floor: N=2^17, r=8, p=1, or the same work as N=2^16, r=8, p=2, which needs half the memory (64 MiB).
const PARAMS = { N: 2 ** 16, r: 8, p: 2 };
const KEY_LENGTH = 32;
// One hash at a time: on a 2-core server a second would take the core that serves every other request.
const MAX_HASHING = 1;
// Beyond this many waiting, a flood is answered at once instead of queueing for minutes.
const MAX_WAITING = 16;

export class HashingBusyProblem extends DomainProblem {
  constructor() {
    super(
      503,
      'sign-in-busy',
      'Sign-in busy',
      {
        ja: 'サインインが集中しています。数秒後にもう一度お試しください。',
        en: 'Too many sign-ins at once; try again in a few seconds.',
      },
      [],
      { retryAfter: 2 },
    );
  }
}

let hashing = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when one of the MAX_HASHING slots is free; refuses when MAX_WAITING are already in line. */
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= MAX_HASHING) {
    if (waiting.length >= MAX_WAITING) throw new HashingBusyProblem();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else hashing++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that so the default 32 MiB cap never refuses our own parameters.
  const params: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
  return inSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password, salt, KEY_LENGTH, params, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash`, so that parameters can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
