import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts/accounts.repository';
import { AppModule } from './app.module';
import { sendProblem } from './common/problem.filter';
import { SESSION_COOKIE } from './auth/session-cookie';
import { signInThrottle } from './auth/sign-in-throttle';
import { bestBrotliForUi, compressText, uiCaching } from './common/delivery';
import { noStore, securityHeaders } from './common/http-hardening';
import { jsonBodyOnly } from './common/request-body';
import { PersonalDataPipe } from './common/personal-data';
import { createValidationPipe } from './common/validation';
import type { Settings } from './config/config';
import { openDatabase, sealReadConnection } from './db/data-source';
import { databaseTarget } from './db/engine';
import { seedDemo } from './demo/demo-seeder';
import { ShuttingDownProblem } from './db/storage-failure';
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
  /** Stops taking requests (new ones get 503), lets those in flight and their writes finish, closes the database. */
  stop: () => Promise<void>;
}

/** Builds the whole server (used by main.ts and by the API tests): migrated database, API under /api, UI at /. */
export async function createApp(settings: Settings): Promise<MadoguchiApp> {
  const dataSource = await openDatabase(databaseTarget(settings));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings, dataSource), {
    logger: LEVELS[settings.LOG_LEVEL],
    // The API parses its bodies itself (jsonBodyOnly), so that every refusal is its own problem+json.
    bodyParser: false,
  });
  let stopping = false;
  // While stopping, a request on a kept-alive connection is refused and its connection closed, not left hanging.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!stopping) return next();
    response.setHeader('Connection', 'close');
    sendProblem(new ShuttingDownProblem(), request, response);
  });
  app.use(securityHeaders());
  app.use(uiCaching);
  if (settings.ADMIN_UI_PATH) app.use(bestBrotliForUi(settings.ADMIN_UI_PATH));
  app.use(compressText());
  app.use('/api', noStore, ...jsonBodyOnly());
  app.use('/api/auth/login', ...signInThrottle());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe(), new PersonalDataPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Madoguchi API')
      .setDescription(
        'The operations tracker of a city hall desk. Instants are UTC ISO-8601; dates are Asia/Tokyo days.',
      )
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description:
            'A read-only API token (mdg_…) made by an admin on the API tokens screen: statistics and/or exports only.',
        },
        'apiToken',
      )
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  await app.init();
  const stop = async () => {
    stopping = true;
    const server = app.getHttpServer() as Server;
    // Connections that finish their last request while the server closes are let go at once.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    try {
      await app.close();
    } finally {
      clearInterval(sweep);
    }
  };
  return { app, dataSource, stop };
}

/**
 * The server as it serves (used by main.ts and the in-process API tests): built, demo data written when asked,
 * the first-admin check made, and the reading connection sealed. It is not yet listening.
 */
export async function startApp(settings: Settings): Promise<MadoguchiApp> {
  const started = await createApp(settings);
  const { dataSource } = started;
  try {
    if (settings.MADOGUCHI_DEMO) {
      const result = await seedDemo(dataSource, { cases: settings.DEMO_CASES, seed: settings.DEMO_SEED });
      if (result.seeded) {
        const seconds = result.seconds.toFixed(1);
        Logger.log(`Demo data written: ${result.cases.toLocaleString('en')} cases in ${seconds} s`, 'Demo');
      }
    }
    if (!(await started.app.get(AccountsRepository).anyAccount())) {
      const how = `No account exists yet. Create the first admin with: npm run create-admin -- <username> "<display name>"`;
      if (settings.NODE_ENV === 'production')
        throw new Error(`${how}\nA production server does not start without one.`);
      Logger.warn(how, 'Setup');
    }
    // From here on every change goes through the write path; a stray write on the reading connection fails loudly.
    await sealReadConnection(dataSource);
  } catch (error) {
    await started.stop();
    throw error;
  }
  return started;
}
