import { ApiProperty } from '@nestjs/swagger';
import type { StatsRangeQuery } from '@madoguchi/contracts';
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

export const FUNNEL_RULE =
  'Counted over the cases that arrived in the range. reservation.attempted: procedure reservation, or both without a ' +
  'MyKey ID already set. application.attempted: procedure application or both. done: ended completed with that step ' +
  'done. alreadyReserved: application or both by a citizen who had reserved before (no reservation needed, none ' +
  'counted). returnVisits: cases that follow an earlier visit by its slip’s code, by how they ended. Each figure ' +
  'opens in the case list with `segment` (reservationAttempted, reservationDone, applicationAttempted, ' +
  'applicationDone, alreadyReserved, returnVisit, returnVisitCompleted).';
