import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { CatalogModule } from './catalog/catalog.module';
import { ProblemFilter } from './common/problem.filter';
import type { Settings } from './config/config';
import { SETTINGS } from './config/settings.token';
import { ENTITIES } from './db/data-source';
import { HealthModule } from './health/health.module';
import { OutagesModule } from './outages/outages.module';
import { PublicModule } from './public/public.module';

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
        AuthModule,
        CasesModule,
        CatalogModule,
        HealthModule,
        OutagesModule,
        CalendarModule,
        PublicModule,
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
