import { Module } from '@nestjs/common';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { databaseTarget } from './engine';
import { PostgresWritePath } from './postgres-write-path';
import { SqliteWritePath, WritePath } from './write-path';

/** The write path of the configured engine. */
export function openWritePath(settings: Settings): WritePath {
  const target = databaseTarget(settings);
  return target.engine === 'postgres'
    ? new PostgresWritePath(target.url, settings.WRITE_LOCK_TIMEOUT_MS)
    : new SqliteWritePath({ databasePath: target.path, lockTimeoutMs: settings.WRITE_LOCK_TIMEOUT_MS });
}

@Module({
  providers: [{ provide: WritePath, useFactory: openWritePath, inject: [SETTINGS] }],
  exports: [WritePath],
})
export class DbModule {}
