import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Health } from '@madoguchi/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  /** 200 when the database can be read and written; 503 otherwise, with the body saying which part fails and why. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const health = await this.healthService.health();
    if (health.status !== 'ok') response.status(503);
    return health;
  }
}
