import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../config/config';
import { createApp } from '../create-app';

/**
 * `node dist/apps/api/main.js openapi`: prints the OpenAPI document this build serves, without serving, on an empty
 * database of its own (the document does not depend on any data).
 */
export async function printOpenApiDocument(settings: Settings): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-openapi-'));
  try {
    const { document, stop } = await createApp({
      ...settings,
      DATABASE_URL: undefined,
      DATABASE_PATH: join(dir, 'document.sqlite'),
      LOG_LEVEL: 'error',
    });
    await stop();
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
