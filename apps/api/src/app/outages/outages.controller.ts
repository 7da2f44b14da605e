import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActiveOutages, Outage, OutageCasesPage, Page } from '@madoguchi/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreateOutageDto, ListOutagesQueryDto, OutageCasesQueryDto, UpdateOutageDto } from './outages.dto';
import { OutagesService } from './outages.service';
import { ApiAnswer, ApiProblems } from '../common/openapi/openapi';

@ApiTags('outages')
@Controller('outages')
export class OutagesController {
  constructor(private readonly outages: OutagesService) {}

  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Record an outage or announced maintenance of the national platform or a payment service',
    description: 'Cases that arrive during it are tied to it, so its cost in visits can be counted.',
  })
  @ApiAnswer('Outage', { status: 201, description: 'The outage as stored.' })
  @Post()
  create(@Body() body: CreateOutageDto, @CurrentUser() user: UserAccount): Promise<Outage> {
    return this.outages.create(body, user);
  }

  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Outages, latest start first, narrowed by system and period' })
  @ApiAnswer({ page: 'Outage' }, { description: 'One page of outages.' })
  @Get()
  list(@Query() query: ListOutagesQueryDto): Promise<Page<Outage>> {
    return this.outages.list(query);
  }

  /** Any signed-in account: the counter screen's banner. */
  @ApiOperation({ summary: 'The outages going on now and those announced soon: the counter banner' })
  @ApiAnswer('ActiveOutages', { description: 'Outages now and soon.' })
  @Get('active')
  active(): Promise<ActiveOutages> {
    return this.outages.active();
  }

  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Correct an outage, or end it (endedAt)' })
  @ApiAnswer('Outage', { description: 'The outage as stored.' })
  @ApiProblems({ 409: 'The outage changed since it was read (`version` is behind): `current` holds it as it is now.' })
  @Patch(':id')
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateOutageDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Outage> {
    return this.outages.update(id, body, user);
  }

  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'The cases an outage hit: those that arrived while it lasted' })
  @ApiAnswer('OutageCasesPage', { description: 'One page of the cases, with the counts by outcome.' })
  @Get(':id/cases')
  cases(@Param('id', ParseIdPipe) id: number, @Query() query: OutageCasesQueryDto): Promise<OutageCasesPage> {
    return this.outages.cases(id, query);
  }
}
