import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Congestion } from '@madoguchi/contracts';
import { Public } from '../auth/auth.decorators';
import { ApiAnswer, ApiStable } from '../common/openapi/openapi';
import { PublicAtQueryDto } from './display.dto';
import { CongestionService } from './congestion.service';

// A Tuesday morning of November 2020 with the platform's announced maintenance that evening.
const CONGESTION_EXAMPLE = {
  at: '2020-11-24T01:30:00.000Z',
  open: true,
  waiting: 3,
  inService: 2,
  estimatedWaitMinutes: 23,
  outagesNow: [],
  outagesAnnounced: [
    {
      system: 'mykey_platform',
      from: '2020-11-24T11:00:00.000Z',
      paymentServiceName: null,
      affects: ['reservation', 'application'],
      until: '2020-11-24T21:00:00.000Z',
    },
  ],
  typicalByHour: Array.from({ length: 24 }, (_, hour) => ({
    hour,
    arrivals: hour >= 8 && hour < 17 ? [1.2, 3.1, 4.6, 2.8, 1.9, 3.3, 4.0, 3.7, 2.2][hour - 8] : 0,
  })),
};

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
  @ApiAnswer('Congestion', { description: 'The desk now, and its usual day.', example: CONGESTION_EXAMPLE })
  get(@Query() query: PublicAtQueryDto): Promise<Congestion> {
    return this.congestion.at(query.at ? new Date(query.at) : new Date());
  }
}
