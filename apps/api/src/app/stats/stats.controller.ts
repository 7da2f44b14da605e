import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  DailyStatsRow,
  FunnelStats,
  HeatmapCell,
  OutageImpact,
  StaffStatsRow,
  StatsSummary,
} from '@madoguchi/contracts';
import { Roles, TokenScope } from '../auth/auth.decorators';
import {
  DailyStatsRowDto,
  FUNNEL_RULE,
  FunnelStatsDto,
  HeatmapCellDto,
  OutageImpactDto,
  PERCENTILE_DEFINITIONS,
  StaffStatsRowDto,
  StatsRangeQueryDto,
  StatsSummaryDto,
} from './stats.dto';
import { MAX_RANGE_DAYS, StatsService } from './stats.service';

const RANGE = `from and to are Asia/Tokyo days, both included, applied to the arrival instant (at most ${MAX_RANGE_DAYS} days); siteId, staff, paymentServiceId, channel and ageBand narrow every figure, and the case list accepts the same filter.`;

@ApiTags('stats')
@ApiBearerAuth()
@ApiBearerAuth('apiToken')
@ApiForbiddenResponse({ description: 'Only managers and admins read statistics.' })
@Roles('manager', 'admin')
@TokenScope('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Key figures of a period against the period of equal length just before',
    description: `${RANGE} Waiting is arrival → start of service; handling is start → end. ${PERCENTILE_DEFINITIONS}`,
  })
  @ApiOkResponse({ type: StatsSummaryDto })
  summary(@Query() query: StatsRangeQueryDto): Promise<StatsSummary> {
    return this.stats.summary(query);
  }

  @Get('daily')
  @ApiOperation({ summary: 'Cases per Tokyo day by outcome, one row per day including empty days', description: RANGE })
  @ApiOkResponse({ type: [DailyStatsRowDto] })
  daily(@Query() query: StatsRangeQueryDto): Promise<DailyStatsRow[]> {
    return this.stats.daily(query);
  }

  @Get('funnel')
  @ApiOperation({
    summary: 'Reservation → application → return visits, counted in the database',
    description: `${RANGE} ${FUNNEL_RULE}`,
  })
  @ApiOkResponse({ type: FunnelStatsDto })
  funnel(@Query() query: StatsRangeQueryDto): Promise<FunnelStats> {
    return this.stats.funnel(query);
  }

  @Get('heatmap')
  @ApiOperation({
    summary: 'Arrivals and median wait per Tokyo weekday × hour, all 168 cells',
    description: `${RANGE} ${PERCENTILE_DEFINITIONS}`,
  })
  @ApiOkResponse({ type: [HeatmapCellDto] })
  heatmap(@Query() query: StatsRangeQueryDto): Promise<HeatmapCell[]> {
    return this.stats.heatmap(query);
  }

  @Get('staff')
  @ApiOperation({
    summary: 'Workload per staff member: cases, outcomes and median handling time, busiest first',
    description: `${RANGE} ${PERCENTILE_DEFINITIONS}`,
  })
  @ApiOkResponse({ type: [StaffStatsRowDto] })
  staff(@Query() query: StatsRangeQueryDto): Promise<StaffStatsRow[]> {
    return this.stats.staff(query);
  }

  @Get('outages')
  @ApiOperation({
    summary: 'Each outage overlapping the range with the cases it hit and the citizens who came back',
    description: `${RANGE} An outage is counted whole, from its start to its end (or to now while ongoing).`,
  })
  @ApiOkResponse({ type: [OutageImpactDto] })
  outages(@Query() query: StatsRangeQueryDto): Promise<OutageImpact[]> {
    return this.stats.outages(query);
  }
}
