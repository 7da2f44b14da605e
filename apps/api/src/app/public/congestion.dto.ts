import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OUTAGE_SYSTEMS,
  PLATFORM_FUNCTIONS,
  type Congestion,
  type CongestionOutage,
  type OutageSystem,
  type PlatformFunction,
} from '@madoguchi/contracts';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../common/validators';

export class CongestionQueryDto {
  @ApiPropertyOptional({
    description: 'The moment to describe (ISO 8601), for previews and tests; defaults to now.',
    example: '2020-11-24T10:00:00+09:00',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class CongestionOutageDto implements CongestionOutage {
  @ApiProperty({ enum: OUTAGE_SYSTEMS }) system!: OutageSystem;
  @ApiProperty({ description: 'When it starts or started (UTC ISO).' }) from!: string;
  @ApiProperty({ type: String, nullable: true }) paymentServiceName!: string | null;
  @ApiProperty({ enum: PLATFORM_FUNCTIONS, isArray: true, description: 'What cannot be done meanwhile.' })
  affects!: PlatformFunction[];
  @ApiProperty({ type: String, nullable: true, description: 'Expected end (UTC ISO); null while unknown.' })
  until!: string | null;
}

export class TypicalHourDto {
  @ApiProperty({ minimum: 0, maximum: 23, description: 'Hour of the Tokyo day.' }) hour!: number;
  @ApiProperty({ description: 'Average arrivals in that hour, one decimal.' }) arrivals!: number;
}

export class CongestionDto implements Congestion {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Within the desk’s opening hours (Asia/Tokyo).' }) open!: boolean;
  @ApiProperty({ description: 'Today’s cases (Tokyo day) waiting to be served.' }) waiting!: number;
  @ApiProperty({ description: 'Today’s cases being served.' }) inService!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Whole minutes, ⌈waiting × median handling minutes of the last 200 served cases ÷ staff now serving (at ' +
      'least 1)⌉; 0 when nobody waits; null when the desk is closed or no case has been handled yet.',
  })
  estimatedWaitMinutes!: number | null;
  @ApiProperty({ type: [CongestionOutageDto], description: 'Outages going on now.' })
  outagesNow!: CongestionOutageDto[];
  @ApiProperty({
    type: [CongestionOutageDto],
    description: 'Outages recorded in advance that start after `at`, within the next 14 days, soonest first.',
  })
  outagesAnnounced!: CongestionOutageDto[];
  @ApiProperty({
    type: [TypicalHourDto],
    description:
      'Average arrivals per hour on this weekday over the 8 same weekdays before today, counting days the desk ' +
      'opened or had arrivals; when those 8 weeks hold no case at all, over every same weekday of the data.',
  })
  typicalByHour!: TypicalHourDto[];
}
