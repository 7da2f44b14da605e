import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalledTicket, PublicDisplay, PublicOutages } from '@madoguchi/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../common/validators';
import { CongestionOutageDto } from './congestion.dto';

export class PublicAtQueryDto {
  @ApiPropertyOptional({
    description: 'The moment to describe (ISO 8601), for previews and tests; defaults to now.',
    example: '2020-11-24T10:00:00+09:00',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class DisplayQueryDto extends PublicAtQueryDto {
  @ApiPropertyOptional({ description: 'The site’s code; defaults to the first site registered.', example: 'main' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  site?: string;
}

export class PublicOutagesDto implements PublicOutages {
  @ApiProperty() at!: string;
  @ApiProperty({ type: [CongestionOutageDto], description: 'Outages going on at `at`.' })
  now!: CongestionOutageDto[];
  @ApiProperty({
    type: [CongestionOutageDto],
    description: 'Outages recorded in advance that start after `at`, within the next 14 days, soonest first.',
  })
  announced!: CongestionOutageDto[];
}

class DisplaySiteDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The letter of the site’s tickets: A for the first site registered, B next, …' })
  ticketPrefix!: string;
}

class DeskHoursDto {
  @ApiProperty({ example: '08:30' }) from!: string;
  @ApiProperty({ example: '17:00' }) to!: string;
}

class DisplayTodayDto {
  @ApiProperty({ example: '2020-11-24' }) date!: string;
  @ApiProperty({ type: [DeskHoursDto], description: 'Empty when the desk is closed all day.' })
  hours!: DeskHoursDto[];
  @ApiProperty({ type: String, nullable: true }) holidayName!: string | null;
}

export class CalledTicketDto implements CalledTicket {
  @ApiProperty({ example: 'A-012' }) ticket!: string;
  @ApiProperty({ example: 'A' }) prefix!: string;
  @ApiProperty({ example: 12 }) number!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The counter (窓口番号) to go to.' })
  counter!: number | null;
  @ApiProperty() calledAt!: string;
}

export class DisplayDto implements PublicDisplay {
  @ApiProperty() at!: string;
  @ApiProperty({ type: DisplaySiteDto }) site!: DisplaySiteDto;
  @ApiProperty({ description: 'Within the desk’s opening hours (Asia/Tokyo).' }) open!: boolean;
  @ApiProperty({ type: DisplayTodayDto }) today!: DisplayTodayDto;
  @ApiProperty({ type: [CalledTicketDto], description: 'Tickets called today at this site, latest first, at most 6.' })
  called!: CalledTicketDto[];
  @ApiProperty({ description: 'Today’s cases at this site waiting to be called.' }) waiting!: number;
  @ApiProperty({ description: 'Today’s cases at this site being served.' }) inService!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'As on the congestion page, for this site: ⌈waiting × median handling ÷ staff serving here (≥ 1)⌉.',
  })
  estimatedWaitMinutes!: number | null;
  @ApiProperty({ type: [CongestionOutageDto] }) outagesNow!: CongestionOutageDto[];
  @ApiProperty({ type: [CongestionOutageDto], description: 'Announced outages that start later today.' })
  outagesLaterToday!: CongestionOutageDto[];
}
