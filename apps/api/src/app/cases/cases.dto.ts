import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  CASE_STATUSES,
  CHANNELS,
  PLATFORM_FUNCTIONS,
  PROCEDURES,
  REASON_CODES,
  REPRESENTATIVES,
  type AgeBand,
  type CaseListQuery,
  type CaseStatus,
  type Channel,
  type CreateCaseRequest,
  type PlatformFunction,
  type Procedure,
  type ReasonCode,
  type Representative,
} from '@madoguchi/contracts';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsTokyoDate } from '../common/validators';

const instant = { strict: true, strictSeparator: true };

export class CreateCaseDto implements CreateCaseRequest {
  @ApiPropertyOptional({ description: 'Defaults to the signed-in account’s site, else the first site.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  siteId?: number;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'counter' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiProperty({ enum: PROCEDURES })
  @IsIn(PROCEDURES)
  procedure!: Procedure;

  @ApiPropertyOptional({ enum: AGE_BANDS, nullable: true })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand | null;

  @ApiPropertyOptional({ enum: REPRESENTATIVES, default: 'self' })
  @IsOptional()
  @IsIn(REPRESENTATIVES)
  representative?: Representative;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  paymentServiceId?: number | null;

  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'waiting' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'UTC or offset ISO-8601 instant; defaults to now.' })
  @IsOptional()
  @IsISO8601(instant)
  arrivedAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601(instant)
  startedAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsISO8601(instant)
  endedAt?: string | null;

  @ApiPropertyOptional({ enum: PLATFORM_FUNCTIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORM_FUNCTIONS, { each: true })
  completed?: PlatformFunction[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  alreadyReserved?: boolean;

  @ApiPropertyOptional({ enum: REASON_CODES, nullable: true })
  @IsOptional()
  @IsIn(REASON_CODES)
  reason?: ReasonCode | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class ListCasesQueryDto implements CaseListQuery {
  @ApiPropertyOptional({ example: '2020-09-01', description: 'First Asia/Tokyo day, inclusive, on arrival.' })
  @IsOptional()
  @IsTokyoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2020-09-30', description: 'Last Asia/Tokyo day, inclusive, on arrival.' })
  @IsOptional()
  @IsTokyoDate()
  to?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: PROCEDURES })
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: Procedure;

  @ApiPropertyOptional({ enum: REASON_CODES })
  @IsOptional()
  @IsIn(REASON_CODES)
  reason?: ReasonCode;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
