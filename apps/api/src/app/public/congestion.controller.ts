import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Congestion } from '@madoguchi/contracts';
import { Public } from '../auth/auth.decorators';
import { ApiAnswer, ApiStable } from '../common/openapi/openapi';
import { PublicAtQueryDto } from './display.dto';
import { CongestionService } from './congestion.service';

@ApiTags('public')
@Controller('public')
export class CongestionController {
  constructor(private readonly congestion: CongestionService) {}

  /** Public: the seed asks citizens to check congestion before coming; this answers without a phone call. */
  @Public()
  @Get('congestion')
  @ApiOperation({
    summary: 'How busy the desk is now and on this weekday usually (no sign-in)',
    description:
      'waiting and inService count today’s cases (Asia/Tokyo day) in those statuses. estimatedWaitMinutes = ' +
      '⌈waiting × median handling minutes of the last 200 served cases ÷ staff now serving (at least 1)⌉.',
  })
  @ApiStable('public')
  @ApiAnswer('Congestion', { description: 'The desk now, and its usual day.' })
  get(@Query() query: PublicAtQueryDto): Promise<Congestion> {
    return this.congestion.at(query.at ? new Date(query.at) : new Date());
  }
}
