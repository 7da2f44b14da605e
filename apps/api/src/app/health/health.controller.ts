import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Health } from '@madoguchi/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';
import { ApiAnswer, contractSchema, PROBLEM_CONTENT } from '../common/openapi/openapi';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  /** 200 when the database can be read and written; 503 otherwise, with the body saying which part fails and why. */
  @Public()
  @ApiOperation({
    summary: 'Whether the desk can read and write its database now (no sign-in; for monitoring)',
    description: 'The write check is a real write, made at most once in a while however often the route is polled.',
  })
  @ApiAnswer('Health', { description: 'Everything works.' })
  @ApiResponse({
    status: 503,
    description: 'A part fails: the body says which and why (a storage fault); a problem while the server stops.',
    content: { 'application/json': { schema: contractSchema('Health') }, ...PROBLEM_CONTENT },
  })
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const health = await this.healthService.health();
    if (health.status !== 'ok') response.status(503);
    return health;
  }
}
