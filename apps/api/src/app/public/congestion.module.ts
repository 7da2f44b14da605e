import { Module } from '@nestjs/common';
import { StatsModule } from '../stats/stats.module';
import { CongestionController } from './congestion.controller';
import { CongestionService } from './congestion.service';
import { DisplayController } from './display.controller';
import { DisplayService } from './display.service';
import { PublicModule } from './public.module';

@Module({
  imports: [StatsModule, PublicModule],
  controllers: [CongestionController, DisplayController],
  providers: [CongestionService, DisplayService],
})
export class CongestionModule {}
