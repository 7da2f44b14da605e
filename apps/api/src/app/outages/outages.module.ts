import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DbModule } from '../db/db.module';
import { LiveModule } from '../live/live.module';
import { OutagesController } from './outages.controller';
import { OutagesRepository } from './outages.repository';
import { OutagesService } from './outages.service';

@Module({
  imports: [DbModule, LiveModule, AuditModule],
  controllers: [OutagesController],
  providers: [OutagesRepository, OutagesService],
  exports: [OutagesRepository],
})
export class OutagesModule {}
