import { scryptSync } from 'node:crypto';
import { HashingBusyProblem, hashPassword, verifyPassword } from './password';

describe('password hashes', () => {
  it('verify the right password only', async () => {
    const stored = await hashPassword('madoguchi-demo');
    await expect(verifyPassword('madoguchi-demo', stored)).resolves.toBe(true);
    await expect(verifyPassword('madoguchi-dem0', stored)).resolves.toBe(false);
  });

  it('are salted, so the same password never gives the same hash, and never contain the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$65536\$8\$2\$/);
    expect(a).not.toContain('same password');
  });

  it('refuse a malformed stored value instead of throwing', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });

  it('still verify a hash made with earlier, weaker parameters', async () => {
    const salt = Buffer.from('madoguchi-salt-16');
    const key = scryptSync('older password', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const earlier = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    await expect(verifyPassword('older password', earlier)).resolves.toBe(true);
    await expect(verifyPassword('older passw0rd', earlier)).resolves.toBe(false);
  });

  it('hash one at a time, queue 16 more, and answer a flood beyond that with a 503 to retry', async () => {
    // Cheap parameters in the stored value keep the flood quick; the queue is what is tested.
    const salt = Buffer.from('madoguchi-salt-16');
    const key = scryptSync('pw', salt, 32, { N: 2 ** 10, r: 8, p: 1 });
    const stored = ['scrypt', 2 ** 10, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    const flood = await Promise.allSettled(Array.from({ length: 40 }, () => verifyPassword('pw', stored)));
    const refused = flood.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(23);
    expect(refused.every((r) => r.reason instanceof HashingBusyProblem)).toBe(true);
    expect(flood.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(17);
    // Once the flood has drained, hashing works as before.
    await expect(verifyPassword('pw', stored)).resolves.toBe(true);
  });
});
