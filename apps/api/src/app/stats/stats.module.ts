import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller';
import { StatsQueries } from './stats-queries';
import { StatsService } from './stats.service';

@Module({ controllers: [StatsController], providers: [StatsQueries, StatsService], exports: [StatsQueries] })
export class StatsModule {}
