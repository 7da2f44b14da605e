import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Health } from '@madoguchi/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_VERSION } from '../version';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers and its schema is current, 503 otherwise, so that a monitor can tell. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    let database: Health['database'] = 'down';
    let migrations: Health['migrations'] = 'pending';
    try {
      await this.dataSource.query('SELECT 1');
      database = 'up';
      migrations = (await this.dataSource.showMigrations()) ? 'pending' : 'current';
    } catch {
      // Reported as down below; the details are in the server log.
    }
    const status = database === 'up' && migrations === 'current' ? 'ok' : 'error';
    if (status !== 'ok') response.status(503);
    return { status, database, migrations, version: APP_VERSION };
  }
}
