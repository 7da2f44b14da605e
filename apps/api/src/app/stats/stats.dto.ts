import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  OUTAGE_KINDS,
  OUTAGE_SYSTEMS,
  PLATFORM_FUNCTIONS,
  PROCEDURES,
  REASON_CODES,
  type CaseStatus,
  type DailyStatsRow,
  type FunnelStats,
  type HeatmapCell,
  type MinutesDistribution,
  type OutageImpact,
  type OutageKind,
  type OutageSystem,
  type PaymentServiceOutcomes,
  type PlatformFunction,
  type Procedure,
  type ReasonCode,
  type StaffStatsRow,
  type StatsPeriodSummary,
  type StatsRangeQuery,
  type StatsSummary,
} from '@madoguchi/contracts';
import { IsDefined } from 'class-validator';
import { CaseFilterDto } from '../common/case-filter.dto';
import { IsTokyoDate } from '../common/validators';

export const PERCENTILE_DEFINITIONS =
  'Each wait or handling time counts in whole minutes (halves rounded up), as does the waiting-time target. ' +
  'Median: the middle value, or the mean of the two middle values for an even count. ' +
  'p90: nearest rank, the ⌈0.9·n⌉-th smallest value. Both in minutes with one decimal; ' +
  'null when there is no value.';

export class StatsRangeQueryDto extends CaseFilterDto implements StatsRangeQuery {
  @ApiProperty({ example: '2020-11-01', description: 'First Asia/Tokyo day, inclusive, on arrival.' })
  @IsDefined()
  @IsTokyoDate()
  from!: string;

  @ApiProperty({
    example: '2020-11-30',
    description: 'Last Asia/Tokyo day, inclusive, on arrival (a case at 23:59 JST counts; 00:00 the next day not).',
  })
  @IsDefined()
  @IsTokyoDate()
  to!: string;
}

const counts = (codes: readonly string[], description: string) =>
  ApiProperty({
    description,
    type: 'object',
    properties: Object.fromEntries(codes.map((code) => [code, { type: 'integer' }])),
    required: [...codes],
  });

export class MinutesDistributionDto implements MinutesDistribution {
  @ApiProperty({ type: Number, nullable: true, example: 12.5, description: 'Median in minutes, one decimal.' })
  median!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 31, description: 'Nearest-rank 90th percentile in minutes.' })
  p90!: number | null;
}

export class PaymentServiceOutcomesDto implements PaymentServiceOutcomes {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Cases ended completed with this service.' }) completed!: number;
  @ApiProperty({ description: 'Cases ended not completed with this service.' }) notCompleted!: number;
}

export class DuringOutagesDto {
  @ApiProperty({ description: 'Cases that arrived while any recorded outage was going on (each counted once).' })
  cases!: number;

  @ApiProperty({
    description:
      'Of those, the ones an outage turned away: needed a function it stopped and ended not completed for the reason it explains.',
  })
  turnedAway!: number;
}

export class ReturnedDto {
  @ApiProperty({
    description: 'Visits in the period that follow up an earlier one (linked by the follow-up code on its slip).',
  })
  followUps!: number;

  @ApiProperty({ description: 'Of those, the ones that ended completed.' })
  succeeded!: number;
}

export class WaitTargetDto {
  @ApiProperty({ description: 'WAIT_TARGET_MINUTES, the target in minutes.' }) minutes!: number;
  @ApiProperty({ description: 'Cases whose service started.' }) served!: number;
  @ApiProperty({ description: 'Of `served`, those that waited (arrival → start) no longer than the target.' })
  withinTarget!: number;
}

export class StatsPeriodSummaryDto implements StatsPeriodSummary {
  @ApiProperty({ example: '2020-11-01' }) from!: string;
  @ApiProperty({ example: '2020-11-30' }) to!: string;
  @ApiProperty({ description: 'Cases that arrived in the period, whatever their status.' }) total!: number;

  @counts(CASE_STATUSES, 'Cases per status.')
  byStatus!: Record<CaseStatus, number>;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.8375,
    description: 'completed ÷ (completed + not_completed), rounded to 4 decimals; null when both are 0.',
  })
  completionRate!: number | null;

  @ApiProperty({ type: MinutesDistributionDto, description: `Arrival → start of service. ${PERCENTILE_DEFINITIONS}` })
  waitMinutes!: MinutesDistributionDto;

  @ApiProperty({ type: MinutesDistributionDto, description: `Start → end of service. ${PERCENTILE_DEFINITIONS}` })
  handleMinutes!: MinutesDistributionDto;

  @counts(PROCEDURES, 'Cases per procedure.')
  byProcedure!: Record<Procedure, number>;

  @counts(REASON_CODES, 'Not completed cases per reason.')
  byReason!: Record<ReasonCode, number>;

  @ApiProperty({
    type: [PaymentServiceOutcomesDto],
    description: 'Every active payment service and any inactive one with cases, most completions first.',
  })
  byPaymentService!: PaymentServiceOutcomesDto[];

  @ApiProperty({ type: DuringOutagesDto }) duringOutages!: DuringOutagesDto;
  @ApiProperty({ type: ReturnedDto }) returned!: ReturnedDto;
  @ApiProperty({ type: () => WaitTargetDto }) waitTarget!: WaitTargetDto;
}

export class StatsSummaryDto extends StatsPeriodSummaryDto implements StatsSummary {
  @ApiProperty({
    type: StatsPeriodSummaryDto,
    description: 'The same figures for the period of equal length just before (e.g. the 30 days before a month).',
  })
  previous!: StatsPeriodSummaryDto;
}

export class DailyStatsRowDto implements DailyStatsRow {
  @ApiProperty({ example: '2020-11-24' }) date!: string;
  @ApiProperty({ description: 'Every case that arrived that day.' }) total!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() not_completed!: number;
  @ApiProperty() left!: number;
  @ApiProperty({ description: 'Cases whose service started.' }) served!: number;
  @ApiProperty({ description: 'Of `served`, those that waited no longer than WAIT_TARGET_MINUTES.' })
  withinTarget!: number;
}

export class HeatmapCellDto implements HeatmapCell {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday (Tokyo).' }) weekday!: number;
  @ApiProperty({ minimum: 0, maximum: 23, description: 'Hour of the Tokyo day.' }) hour!: number;
  @ApiProperty() arrivals!: number;
  @ApiProperty({ type: Number, nullable: true, description: `Median arrival → start. ${PERCENTILE_DEFINITIONS}` })
  medianWaitMinutes!: number | null;
  @ApiProperty({ description: 'Cases whose service started.' }) served!: number;
  @ApiProperty({ description: 'Of `served`, those that waited no longer than WAIT_TARGET_MINUTES.' })
  withinTarget!: number;
}

export class StaffStatsRowDto implements StaffStatsRow {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'Cases recorded as served by this account that arrived in the range.' })
  cases!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() notCompleted!: number;
  @ApiProperty({ type: Number, nullable: true, description: `Median start → end. ${PERCENTILE_DEFINITIONS}` })
  medianHandleMinutes!: number | null;
}

export class OutageImpactDto implements OutageImpact {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: OUTAGE_SYSTEMS }) system!: OutageSystem;
  @ApiProperty({ type: Number, nullable: true }) paymentServiceId!: number | null;
  @ApiProperty({ type: String, nullable: true }) paymentServiceName!: string | null;
  @ApiProperty({ enum: OUTAGE_KINDS }) kind!: OutageKind;
  @ApiProperty() startsAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null while ongoing; counted up to now.' })
  endsAt!: string | null;
  @ApiProperty({ enum: PLATFORM_FUNCTIONS, isArray: true }) affects!: PlatformFunction[];
  @ApiProperty({ description: 'Cases that arrived during the whole outage, even where it runs past the range.' })
  cases!: number;
  @ApiProperty() notCompleted!: number;
  @ApiProperty({
    description:
      'Of `cases`, those this outage turned away: needed a function it stopped and ended not completed for the reason it explains (platform_maintenance, terminal_fault, or payment_service_down for its own service).',
  })
  turnedAway!: number;
  @ApiProperty({ description: 'Of `cases`, those a later visit follows up (the citizen came back).' })
  cameBack!: number;
  @ApiProperty({ description: 'Of `cameBack`, those whose return visit completed.' })
  cameBackCompleted!: number;
}

class StepCountsDto {
  @ApiProperty({ description: 'Visits that needed the step.' }) attempted!: number;
  @ApiProperty({ description: 'Of those, the ones that ended completed with the step done.' }) done!: number;
}

class ReturnVisitOutcomesDto {
  @ApiProperty() visits!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() notCompleted!: number;
  @ApiProperty({ description: 'Still waiting or in service, or left before service.' }) other!: number;
}

export const FUNNEL_RULE =
  'Counted over the cases that arrived in the range. reservation.attempted: procedure reservation, or both without a ' +
  'MyKey ID already set. application.attempted: procedure application or both. done: ended completed with that step ' +
  'done. alreadyReserved: application or both by a citizen who had reserved before (no reservation needed, none ' +
  'counted). returnVisits: cases that follow an earlier visit by its slip’s code, by how they ended. Each figure ' +
  'opens in the case list with `segment` (reservationAttempted, reservationDone, applicationAttempted, ' +
  'applicationDone, alreadyReserved, returnVisit, returnVisitCompleted).';

export class FunnelStatsDto implements FunnelStats {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: StepCountsDto }) reservation!: StepCountsDto;
  @ApiProperty({ type: StepCountsDto }) application!: StepCountsDto;
  @ApiProperty() alreadyReserved!: number;
  @ApiProperty({ type: ReturnVisitOutcomesDto }) returnVisits!: ReturnVisitOutcomesDto;
}
