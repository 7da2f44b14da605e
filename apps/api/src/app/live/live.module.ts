import { Module } from '@nestjs/common';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { databaseTarget } from '../db/engine';
import { LiveController } from './live.controller';
import { LiveHub } from './live-hub';

/** The live streams; every module whose services write imports it to announce what they committed. */
@Module({
  controllers: [LiveController],
  providers: [
    { provide: LiveHub, useFactory: (settings: Settings) => new LiveHub(databaseTarget(settings)), inject: [SETTINGS] },
  ],
  exports: [LiveHub],
})
export class LiveModule {}
