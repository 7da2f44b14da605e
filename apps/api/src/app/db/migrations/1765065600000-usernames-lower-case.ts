import { MigrationInterface, QueryRunner } from 'typeorm';

/** Security (issue 9): usernames in lower case, so that the unique index makes them unique regardless of case. */
export class UsernamesLowerCase1765065600000 implements MigrationInterface {
  name = 'UsernamesLowerCase1765065600000';

  async up(q: QueryRunner): Promise<void> {
    const clashes: { name: string }[] = await q.query(
      `SELECT lower(username) AS name FROM user_account GROUP BY lower(username) HAVING count(*) > 1`,
    );
    if (clashes.length) {
      throw new Error(
        `Accounts differ only in capitals (${clashes.map((c) => c.name).join(', ')}): rename all but one, then start again.`,
      );
    }
    await q.query(`UPDATE user_account SET username = lower(username) WHERE username <> lower(username)`);
  }

  async down(): Promise<void> {
    // The original capitals are not kept; lower case signs in the same.
  }
}
