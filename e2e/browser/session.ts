import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/api-client';

/** Opens `path` of the app and signs in on the sign-in page it leads to, as a demo account unless told a password. */
export async function signInAt(
  page: Page,
  baseUrl: string,
  path: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('ユーザー名').fill(username);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
