import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { PreflightResult } from '@madoguchi/rules';
import { Public } from '../auth/auth.decorators';
import { PreflightDto } from './preflight.dto';
import { PreflightService } from './preflight.service';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiStable } from '../common/openapi/openapi';

@ApiTags('public')
@Controller('preflight')
export class PreflightController {
  constructor(private readonly preflight: PreflightService) {}

  /** Public: can this citizen's procedure succeed at the desk now, and if not, what stands in the way and until when. */
  @Public()
  @ApiStable('public')
  @ApiOperation({
    summary:
      "Whether a citizen's procedure can succeed at the desk at a given time, and if not what stands in the way (no sign-in)",
    description:
      'Checks the desk calendar, the programme windows, outages of the platform and what the citizen brings.',
  })
  @ApiAnswer('PreflightResult', { description: 'The verdict, with each blocker and until when it holds.' })
  @Post()
  @HttpCode(200)
  check(@Body() body: PreflightDto): Promise<PreflightResult> {
    return this.preflight.check(body);
  }
}
