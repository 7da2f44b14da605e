import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DbModule } from '../db/db.module';
import { LiveModule } from '../live/live.module';
import { OutagesModule } from '../outages/outages.module';
import { RollupsModule } from '../stats/rollups/rollups.module';
import { CaseTransitions } from './case-transitions.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [DbModule, LiveModule, AuditModule, OutagesModule, RollupsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseTransitions, CasesRepository],
})
export class CasesModule {}
