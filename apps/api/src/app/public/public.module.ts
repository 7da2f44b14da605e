import { Module } from '@nestjs/common';
import { OutagesModule } from '../outages/outages.module';
import { StatsModule } from '../stats/stats.module';
import { PreflightController } from './preflight.controller';
import { PreflightService } from './preflight.service';
import { PublicOutages } from './public-outages';
import { PublicRepository } from './public.repository';

@Module({
  imports: [OutagesModule, StatsModule],
  controllers: [PreflightController],
  providers: [PreflightService, PublicRepository, PublicOutages],
  exports: [PublicRepository, PublicOutages],
})
export class PublicModule {}
