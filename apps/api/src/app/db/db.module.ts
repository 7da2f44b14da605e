import { Module } from '@nestjs/common';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { WritePath } from './write-path';

@Module({
  providers: [
    {
      provide: WritePath,
      useFactory: (settings: Settings) =>
        new WritePath({ databasePath: settings.DATABASE_PATH, lockTimeoutMs: settings.WRITE_LOCK_TIMEOUT_MS }),
      inject: [SETTINGS],
    },
  ],
  exports: [WritePath],
})
export class DbModule {}
