import { hashPassword, verifyPassword } from './password';

describe('password hashes', () => {
  it('verify the right password only', async () => {
    const stored = await hashPassword('madoguchi-demo');
    await expect(verifyPassword('madoguchi-demo', stored)).resolves.toBe(true);
    await expect(verifyPassword('madoguchi-dem0', stored)).resolves.toBe(false);
  });

  it('are salted, so the same password never gives the same hash, and never contain the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('same password');
  });

  it('refuse a malformed stored value instead of throwing', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });
});
