import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ActiveOutages, Outage, OutageCasesPage, Page } from '@madoguchi/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreateOutageDto, ListOutagesQueryDto, OutageCasesQueryDto, UpdateOutageDto } from './outages.dto';
import { OutagesService } from './outages.service';

@ApiTags('outages')
@ApiBearerAuth()
@Controller('outages')
export class OutagesController {
  constructor(private readonly outages: OutagesService) {}

  @Roles('manager', 'admin')
  @Post()
  create(@Body() body: CreateOutageDto, @CurrentUser() user: UserAccount): Promise<Outage> {
    return this.outages.create(body, user);
  }

  @Roles('manager', 'admin')
  @Get()
  list(@Query() query: ListOutagesQueryDto): Promise<Page<Outage>> {
    return this.outages.list(query);
  }

  /** Any signed-in account: the counter screen's banner. */
  @Get('active')
  active(): Promise<ActiveOutages> {
    return this.outages.active();
  }

  @Roles('manager', 'admin')
  @Patch(':id')
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateOutageDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Outage> {
    return this.outages.update(id, body, user);
  }

  @Roles('manager', 'admin')
  @Get(':id/cases')
  cases(@Param('id', ParseIdPipe) id: number, @Query() query: OutageCasesQueryDto): Promise<OutageCasesPage> {
    return this.outages.cases(id, query);
  }
}
