import { Module } from '@nestjs/common';
import { StatsModule } from '../stats/stats.module';
import { CongestionController } from './congestion.controller';
import { CongestionService } from './congestion.service';

@Module({ imports: [StatsModule], controllers: [CongestionController], providers: [CongestionService] })
export class CongestionModule {}
