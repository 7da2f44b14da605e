import { Module } from '@nestjs/common';
import { OutagesModule } from '../outages/outages.module';
import { RollupsModule } from './rollups/rollups.module';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

@Module({
  imports: [OutagesModule, RollupsModule],
  controllers: [StatsController],
  providers: [StatsRepository, StatsService],
  exports: [StatsRepository],
})
export class StatsModule {}
