import { Global, Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveHub } from './live-hub';

/** The live streams; LiveHub is global so that every service that writes can announce what it committed. */
@Global()
@Module({ controllers: [LiveController], providers: [LiveHub], exports: [LiveHub] })
export class LiveModule {}
