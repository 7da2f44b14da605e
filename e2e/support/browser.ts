import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** The flags every headless Chromium of the tests and the benchmark takes (also read by tools/bench). */
export const CHROMIUM_FLAGS: string[] = JSON.parse(readFileSync(resolve(__dirname, 'chromium-flags.json'), 'utf8'));

export const SCREENSHOTS = resolve(__dirname, '../../test-output/screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  screenshot: (name: string) => Promise<void>;
  /** What the Content-Security-Policy refused so far, on any page of this session. */
  cspViolations: () => string[];
  /** Fails if anything on any page broke the Content-Security-Policy. */
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile and no traffic to anywhere but the server under test. */
export async function openBrowser(
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'madoguchi-chromium-'));
  // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const violations: string[] = [];
  // Chromium reports every refusal of the Content-Security-Policy on the console of the page it happened on.
  const watch = (p: Page) =>
    p.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${p.url()}: ${message.text()}`);
    });
  const first = context.pages()[0];
  if (first) watch(first);
  context.on('page', watch);
  const page = first ?? (await context.newPage());
  mkdirSync(SCREENSHOTS, { recursive: true });
  const assertNoViolations = () => {
    if (violations.length) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
  };
  return {
    context,
    page,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      assertNoViolations();
    },
    cspViolations: () => [...violations],
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      assertNoViolations();
    },
  };
}
