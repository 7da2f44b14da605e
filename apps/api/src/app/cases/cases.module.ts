import { Module } from '@nestjs/common';
import { CaseStore } from './case-store';
import { CaseTransitions } from './case-transitions.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({ controllers: [CasesController], providers: [CasesService, CaseTransitions, CaseStore] })
export class CasesModule {}
