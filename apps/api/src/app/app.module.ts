import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { CatalogModule } from './catalog/catalog.module';
import { ProblemFilter } from './common/problem.filter';
import type { Settings } from './config/config';
import { SETTINGS } from './config/settings.token';
import { ENTITIES } from './db/data-source';
import { DbModule } from './db/db.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { OutagesModule } from './outages/outages.module';
import { CongestionModule } from './public/congestion.module';
import { PublicModule } from './public/public.module';
import { RetentionModule } from './retention/retention.module';
import { StatsModule } from './stats/stats.module';

@Module({})
export class AppModule {
  /** The database is opened and migrated before the module is built, so nothing can run on an old schema. */
  static forRoot(settings: Settings, dataSource: DataSource): DynamicModule {
    const uiPath = settings.ADMIN_UI_PATH;
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSource.options, entities: ENTITIES }),
          dataSourceFactory: async () => dataSource,
        }),
        DbModule,
        LiveModule,
        AuditModule,
        AuthModule,
        AccountsModule,
        // Before CasesModule: its `cases/:id` would otherwise take /api/cases/export.csv.
        ExportsModule,
        CasesModule,
        CatalogModule,
        HealthModule,
        OutagesModule,
        CalendarModule,
        PublicModule,
        StatsModule,
        CongestionModule,
        RetentionModule,
        ...(uiPath && existsSync(uiPath)
          ? [ServeStaticModule.forRoot({ rootPath: uiPath, exclude: ['/api/{*path}'] })]
          : []),
      ],
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [SETTINGS],
    };
  }
}
