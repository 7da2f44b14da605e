import { Module } from '@nestjs/common';
import { StatsModule } from '../stats/stats.module';
import { CongestionController } from './congestion.controller';
import { CongestionService } from './congestion.service';
import { DisplayController } from './display.controller';
import { DisplayRepository } from './display.repository';
import { DisplayService } from './display.service';
import { PublicOutages } from './public-outages';

@Module({
  imports: [StatsModule],
  controllers: [CongestionController, DisplayController],
  providers: [CongestionService, PublicOutages, DisplayService, DisplayRepository],
})
export class CongestionModule {}
