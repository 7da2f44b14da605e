import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LoginResponse, UserSummary } from '@madoguchi/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DomainProblem } from '../common/problems';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { WritePath } from '../db/write-path';
import { LiveHub } from '../live/live-hub';
import { AuthRepository } from './auth.repository';
import { hashPassword, verifyPassword } from './password';
import type { UserAccount } from './user.entity';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const toUserSummary = (user: UserAccount): UserSummary => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

class BadCredentials extends DomainProblem {
  constructor() {
    super(401, 'bad-credentials', 'Sign-in failed', {
      ja: 'ユーザー名またはパスワードが違います。',
      en: 'Wrong username or password.',
    });
  }
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('SignIn');
  // Compared against when the username is unknown, so a wrong name takes as long as a wrong password.
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly repository: AuthRepository,
    private readonly writes: WritePath,
    private readonly live: LiveHub,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async login(typed: string, password: string, from: string): Promise<LoginResponse> {
    // Usernames are kept in lower case, so that "Staff" and "staff" are one account.
    const username = typed.trim().toLowerCase();
    const user = await this.repository.byUsername(username);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !valid || user.disabled) {
      const why = !user ? 'no such account' : user.disabled ? 'account disabled' : 'wrong password';
      this.logger.warn(`Sign-in failed for "${username}" from ${from} (${why})`);
      throw new BadCredentials();
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.settings.TOKEN_TTL_HOURS * 3_600_000);
    await this.writes.run((manager) =>
      this.repository.insertToken(manager, {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        revokedAt: null,
      }),
    );
    this.logger.log(`Signed in: "${user.username}" (${user.role}) from ${from}`);
    return { token, user: toUserSummary(user) };
  }

  /** The account behind a bearer token, or null when the token is unknown, revoked, expired or its account disabled. */
  async authenticate(token: string): Promise<{ user: UserAccount; tokenHash: string; expiresAt: Date } | null> {
    const tokenHash = hashToken(token);
    const session = await this.repository.session(tokenHash);
    if (!session?.user || session.user.disabled) return null;
    return { user: session.user, tokenHash, expiresAt: session.expiresAt };
  }

  async logout(tokenHash: string): Promise<void> {
    await this.writes.run((manager) => this.repository.revokeToken(manager, tokenHash));
    this.live.sessionEnded(tokenHash);
  }
}
