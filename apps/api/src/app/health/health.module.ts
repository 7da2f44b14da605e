import { Module } from '@nestjs/common';
import { DbModule } from '../db/db.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@Module({ imports: [DbModule], controllers: [HealthController], providers: [HealthRepository, HealthService] })
export class HealthModule {}
