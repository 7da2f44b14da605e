import { Module } from '@nestjs/common';
import { CaseExportReader } from './case-export.reader';
import { CaseExports } from './case-exports.service';
import { ExportsController } from './exports.controller';

@Module({ controllers: [ExportsController], providers: [CaseExportReader, CaseExports] })
export class ExportsModule {}
