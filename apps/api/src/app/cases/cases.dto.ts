import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  AGE_BANDS,
  CASE_OUTCOMES,
  CASE_SEGMENTS,
  CASE_STATUSES,
  CHANNELS,
  PLATFORM_FUNCTIONS,
  PROCEDURES,
  REASON_CODES,
  REPRESENTATIVES,
  type AgeBand,
  type CaseListQuery,
  type CaseOutcome,
  type CaseSegment,
  type CaseStatus,
  type CaseTransitionRequest,
  type Channel,
  type CreateCaseRequest,
  type FinishCaseRequest,
  type PlatformFunction,
  type Procedure,
  type ReasonCode,
  type Representative,
  type StartCaseRequest,
  type UpdateCaseRequest,
} from '@madoguchi/contracts';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { CaseFilterDto } from '../common/case-filter.dto';
import { IsTokyoDate, IsInstant, IsOptionalQueryId, IsRecordId } from '../common/validators';
import { PageQueryDto } from '../common/page-query.dto';

/** For a PATCH: absent keeps the stored value, but null is no value for a field that cannot be empty. */
const UnlessAbsent = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateCaseDto implements CreateCaseRequest {
  @ApiPropertyOptional({ description: 'Defaults to the signed-in account’s site, else the first site.' })
  @IsOptional()
  @IsRecordId()
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
  @IsRecordId()
  paymentServiceId?: number | null;

  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'waiting' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'UTC or offset ISO-8601 instant; defaults to now.' })
  @IsOptional()
  @IsInstant()
  arrivedAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  startedAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
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

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Only with the reason cert_wait_24h: when 市民課 renewed or issued the certificate (ISO 8601); the return slip counts the wait from it.',
  })
  @IsOptional()
  @IsInstant()
  certRenewedAt?: string | null;

  @ApiPropertyOptional({ example: 'K7M2QX', description: 'The code on the return slip of an earlier visit.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  followUpCode?: string;
}

export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiProperty({ description: 'The version the screen showed; a stale one is refused with the current case.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsRecordId()
  siteId?: number;

  @ApiPropertyOptional({ enum: CHANNELS })
  @UnlessAbsent()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: PROCEDURES })
  @UnlessAbsent()
  @IsIn(PROCEDURES)
  procedure?: Procedure;

  @ApiPropertyOptional({ enum: AGE_BANDS, nullable: true })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand | null;

  @ApiPropertyOptional({ enum: REPRESENTATIVES })
  @UnlessAbsent()
  @IsIn(REPRESENTATIVES)
  representative?: Representative;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsRecordId()
  paymentServiceId?: number | null;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @UnlessAbsent()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsInstant()
  arrivedAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  startedAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  endedAt?: string | null;

  @ApiPropertyOptional({ enum: PLATFORM_FUNCTIONS, isArray: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORM_FUNCTIONS, { each: true })
  completed?: PlatformFunction[];

  @ApiPropertyOptional()
  @UnlessAbsent()
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

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Only with the reason cert_wait_24h: when 市民課 renewed or issued the certificate (ISO 8601); the return slip counts the wait from it.',
  })
  @IsOptional()
  @IsInstant()
  certRenewedAt?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Links the case to an earlier visit; null removes the link.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  followUpCode?: string | null;
}

export class CaseTransitionDto implements CaseTransitionRequest {
  @ApiPropertyOptional({ description: 'The version the screen showed; a stale one is refused with the current case.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** The most counters a desk is thought to have; a larger number is a typing slip. */
export const MAX_COUNTER = 99;

export class StartCaseDto extends CaseTransitionDto implements StartCaseRequest {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_COUNTER,
    description: 'The counter (窓口番号) the citizen is called to; the waiting-room display shows and says it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_COUNTER)
  counter?: number;
}

export class FinishCaseDto extends CaseTransitionDto implements FinishCaseRequest {
  @ApiProperty({ enum: CASE_OUTCOMES })
  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  @ApiPropertyOptional({
    enum: PLATFORM_FUNCTIONS,
    isArray: true,
    description: 'Defaults to every step of the procedure when completed, none when not.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLATFORM_FUNCTIONS, { each: true })
  completed?: PlatformFunction[];

  @ApiPropertyOptional({ enum: REASON_CODES, nullable: true })
  @IsOptional()
  @IsIn(REASON_CODES)
  reason?: ReasonCode | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Only with the reason cert_wait_24h: when 市民課 renewed or issued the certificate (ISO 8601); the return slip counts the wait from it.',
  })
  @IsOptional()
  @IsInstant()
  certRenewedAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsRecordId()
  paymentServiceId?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  alreadyReserved?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Finish as platform_maintenance although no recorded outage stops the procedure.',
  })
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}

export class ListCasesQueryDto extends IntersectionType(PageQueryDto, CaseFilterDto) implements CaseListQuery {
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

  @ApiPropertyOptional({ example: '#123', description: 'A case number (with or without #) or a follow-up code.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Tokyo hour of arrival.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, description: 'Tokyo weekday of arrival, 1 = Monday.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number;

  @ApiPropertyOptional({ enum: CASE_SEGMENTS, description: 'The cases one funnel or return-visit figure counts.' })
  @IsOptional()
  @IsIn(CASE_SEGMENTS)
  segment?: CaseSegment;

  @ApiPropertyOptional({ description: 'Cases this outage turned away (the outage-cost definition).' })
  @IsOptionalQueryId()
  turnedAwayBy?: number;

  @ApiPropertyOptional({ description: 'Cases that arrived while this outage went on (an ongoing one up to now).' })
  @IsOptionalQueryId()
  arrivedDuring?: number;

  @ApiPropertyOptional({ description: 'Cases that arrived while any outage went on, within from..to (both needed).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  duringOutages?: boolean;
}
