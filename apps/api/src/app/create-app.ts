import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation';
import type { Settings } from './config/config';
import { openDatabase } from './db/data-source';
import { APP_VERSION } from './version';

const LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export interface MadoguchiApp {
  app: INestApplication;
  dataSource: DataSource;
}

/** Builds the whole server (used by main.ts and by the API tests): migrated database, API under /api, UI at /. */
export async function createApp(settings: Settings): Promise<MadoguchiApp> {
  const dataSource = await openDatabase(settings.DATABASE_PATH);
  const app = await NestFactory.create(AppModule.forRoot(settings, dataSource), {
    logger: LEVELS[settings.LOG_LEVEL],
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Madoguchi API')
      .setDescription(
        'The operations tracker of a city hall desk. Instants are UTC ISO-8601; dates are Asia/Tokyo days.',
      )
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  await app.init();
  return { app, dataSource };
}
