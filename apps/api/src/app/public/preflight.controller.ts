import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PreflightResult } from '@madoguchi/rules';
import { Public } from '../auth/auth.decorators';
import { PreflightDto } from './preflight.dto';
import { PreflightService } from './preflight.service';

@ApiTags('public')
@Controller('preflight')
export class PreflightController {
  constructor(private readonly preflight: PreflightService) {}

  /** Public: can this citizen's procedure succeed at the desk now, and if not, what stands in the way and until when. */
  @Public()
  @Post()
  @HttpCode(200)
  check(@Body() body: PreflightDto): Promise<PreflightResult> {
    return this.preflight.check(body);
  }
}
