import { Module } from '@nestjs/common';
import { ExportsRepository } from './exports.repository';
import { CaseExports } from './case-exports.service';
import { ExportsController } from './exports.controller';

@Module({ controllers: [ExportsController], providers: [ExportsRepository, CaseExports] })
export class ExportsModule {}
