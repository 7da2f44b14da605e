import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicDisplay, PublicOutages as PublicOutagesBody } from '@madoguchi/contracts';
import { Public } from '../auth/auth.decorators';
import { ApiAnswer, ApiProblems } from '../common/openapi/openapi';
import { DisplayQueryDto, PublicAtQueryDto } from './display.dto';
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
  @ApiAnswer('PublicDisplay', { description: 'What the screen shows.' })
  @ApiProblems({ 404: 'No site has this code.' })
  get(@Query() query: DisplayQueryDto): Promise<PublicDisplay> {
    return this.display.at(query.at ? new Date(query.at) : new Date(), query.site);
  }

  /** Public: what stops the desk now, and maintenance announced for the next two weeks (self-check, congestion). */
  @Public()
  @Get('outages')
  @ApiOperation({ summary: 'Outages going on now and announced for the next 14 days (no sign-in)' })
  @ApiAnswer('PublicOutages', { description: 'Outages now and announced.' })
  async list(@Query() query: PublicAtQueryDto): Promise<PublicOutagesBody> {
    const at = query.at ? new Date(query.at) : new Date();
    return { at: at.toISOString(), ...(await this.outages.ahead(at)) };
  }
}
