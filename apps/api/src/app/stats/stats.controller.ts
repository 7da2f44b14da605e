import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  DailyStatsRow,
  FunnelStats,
  HeatmapCell,
  OutageImpact,
  StaffStatsRow,
  StatsSummary,
} from '@madoguchi/contracts';
import { Roles, TokenScope } from '../auth/auth.decorators';
import { FUNNEL_RULE, PERCENTILE_DEFINITIONS, StatsRangeQueryDto } from './stats.dto';
import { ApiAnswer, ApiStable } from '../common/openapi/openapi';
import { MAX_RANGE_DAYS, StatsService } from './stats.service';

const RANGE = `from and to are Asia/Tokyo days, both included, applied to the arrival instant (at most ${MAX_RANGE_DAYS} days); siteId, staff, paymentServiceId, channel and ageBand narrow every figure, and the case list accepts the same filter.`;

// Two Tokyo days of September 2020: the first busy day of the programme and a Sunday the desk was closed.
const DAILY_EXAMPLE = [
  { date: '2020-09-01', total: 42, completed: 31, not_completed: 6, left: 2, served: 40, withinTarget: 33 },
  { date: '2020-09-06', total: 0, completed: 0, not_completed: 0, left: 0, served: 0, withinTarget: 0 },
];

@ApiTags('stats')
@ApiStable('statistics')
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
  @ApiAnswer('StatsSummary', { description: 'The figures of the period and of the one before.' })
  summary(@Query() query: StatsRangeQueryDto): Promise<StatsSummary> {
    return this.stats.summary(query);
  }

  @Get('daily')
  @ApiOperation({ summary: 'Cases per Tokyo day by outcome, one row per day including empty days', description: RANGE })
  @ApiAnswer(['DailyStatsRow'], { description: 'One row per Tokyo day of the range.', example: DAILY_EXAMPLE })
  daily(@Query() query: StatsRangeQueryDto): Promise<DailyStatsRow[]> {
    return this.stats.daily(query);
  }

  @Get('funnel')
  @ApiOperation({
    summary: 'Reservation → application → return visits, counted in the database',
    description: `${RANGE} ${FUNNEL_RULE}`,
  })
  @ApiAnswer('FunnelStats', { description: 'The steps of the funnel.' })
  funnel(@Query() query: StatsRangeQueryDto): Promise<FunnelStats> {
    return this.stats.funnel(query);
  }

  @Get('heatmap')
  @ApiOperation({
    summary: 'Arrivals and median wait per Tokyo weekday × hour, all 168 cells',
    description: `${RANGE} ${PERCENTILE_DEFINITIONS}`,
  })
  @ApiAnswer(['HeatmapCell'], { description: '168 cells, Monday 0 h first.' })
  heatmap(@Query() query: StatsRangeQueryDto): Promise<HeatmapCell[]> {
    return this.stats.heatmap(query);
  }

  @Get('staff')
  @ApiOperation({
    summary: 'Workload per staff member: cases, outcomes and median handling time, busiest first',
    description: `${RANGE} ${PERCENTILE_DEFINITIONS}`,
  })
  @ApiAnswer(['StaffStatsRow'], { description: 'One row per staff member who served a case.' })
  staff(@Query() query: StatsRangeQueryDto): Promise<StaffStatsRow[]> {
    return this.stats.staff(query);
  }

  @Get('outages')
  @ApiOperation({
    summary: 'Each outage overlapping the range with the cases it hit and the citizens who came back',
    description: `${RANGE} An outage is counted whole, from its start to its end (or to now while ongoing).`,
  })
  @ApiAnswer(['OutageImpact'], { description: 'One entry per outage.' })
  outages(@Query() query: StatsRangeQueryDto): Promise<OutageImpact[]> {
    return this.stats.outages(query);
  }
}
