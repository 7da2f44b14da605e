import { Module } from '@nestjs/common';
import { DbModule } from '../db/db.module';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

@Module({ imports: [DbModule], providers: [RetentionRepository, RetentionService], exports: [RetentionService] })
export class RetentionModule {}
