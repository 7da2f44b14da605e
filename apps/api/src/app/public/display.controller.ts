import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicDisplay, PublicOutages as PublicOutagesBody } from '@madoguchi/contracts';
import { Public } from '../auth/auth.decorators';
import { DisplayDto, DisplayQueryDto, PublicAtQueryDto, PublicOutagesDto } from './display.dto';
import { DisplayService } from './display.service';
import { PublicOutages } from './public-outages';

@ApiTags('public')
@Controller('public')
export class DisplayController {
  constructor(
    private readonly display: DisplayService,
    private readonly outages: PublicOutages,
  ) {}

  /** Public: the TV in the waiting room reads it every second; it holds tickets and counters, never a person. */
  @Public()
  @Get('display')
  @ApiOperation({
    summary: 'The waiting-room display of a site: tickets called, the queue, today’s hours and outages (no sign-in)',
  })
  @ApiOkResponse({ type: DisplayDto })
  get(@Query() query: DisplayQueryDto): Promise<PublicDisplay> {
    return this.display.at(query.at ? new Date(query.at) : new Date(), query.site);
  }

  /** Public: what stops the desk now, and maintenance announced for the next two weeks (self-check, congestion). */
  @Public()
  @Get('outages')
  @ApiOperation({ summary: 'Outages going on now and announced for the next 14 days (no sign-in)' })
  @ApiOkResponse({ type: PublicOutagesDto })
  async list(@Query() query: PublicAtQueryDto): Promise<PublicOutagesBody> {
    const at = query.at ? new Date(query.at) : new Date();
    return { at: at.toISOString(), ...(await this.outages.ahead(at)) };
  }
}
