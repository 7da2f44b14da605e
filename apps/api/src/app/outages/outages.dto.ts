import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OUTAGE_KINDS,
  OUTAGE_SYSTEMS,
  PLATFORM_FUNCTIONS,
  type CreateOutageRequest,
  type OutageKind,
  type OutageListQuery,
  type OutageSystem,
  type PlatformFunction,
  type UpdateOutageRequest,
} from '@madoguchi/contracts';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsTokyoDate, IsInstant, IsRecordId } from '../common/validators';
import { PageQueryDto } from '../common/page-query.dto';

const UnlessAbsent = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateOutageDto implements CreateOutageRequest {
  @ApiProperty({ enum: OUTAGE_SYSTEMS })
  @IsIn(OUTAGE_SYSTEMS)
  system!: OutageSystem;

  @ApiPropertyOptional({ nullable: true, description: 'Required for a payment_service outage, refused otherwise.' })
  @IsOptional()
  @IsRecordId()
  paymentServiceId?: number | null;

  @ApiProperty({ enum: OUTAGE_KINDS })
  @IsIn(OUTAGE_KINDS)
  kind!: OutageKind;

  @ApiProperty({ example: '2020-07-23T07:00:00+09:00' })
  @IsInstant()
  startsAt!: string;

  @ApiPropertyOptional({ nullable: true, description: 'Empty while the outage is ongoing.' })
  @IsOptional()
  @IsInstant()
  endsAt?: string | null;

  @ApiProperty({ enum: PLATFORM_FUNCTIONS, isArray: true, description: 'The functions it stops.' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PLATFORM_FUNCTIONS, { each: true })
  affects!: PlatformFunction[];

  @ApiPropertyOptional({ nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class UpdateOutageDto implements UpdateOutageRequest {
  @ApiProperty({ description: 'The version the screen showed; a stale one is refused with the current outage.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: OUTAGE_SYSTEMS })
  @UnlessAbsent()
  @IsIn(OUTAGE_SYSTEMS)
  system?: OutageSystem;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsRecordId()
  paymentServiceId?: number | null;

  @ApiPropertyOptional({ enum: OUTAGE_KINDS, description: 'Reclassify as planned or unplanned after the fact.' })
  @UnlessAbsent()
  @IsIn(OUTAGE_KINDS)
  kind?: OutageKind;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Set it to end the outage; null reopens it.' })
  @IsOptional()
  @IsInstant()
  endsAt?: string | null;

  @ApiPropertyOptional({ enum: PLATFORM_FUNCTIONS, isArray: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PLATFORM_FUNCTIONS, { each: true })
  affects?: PlatformFunction[];

  @ApiPropertyOptional({ nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class ListOutagesQueryDto extends PageQueryDto implements OutageListQuery {
  @ApiPropertyOptional({ example: '2020-07-01', description: 'First Asia/Tokyo day, inclusive.' })
  @IsOptional()
  @IsTokyoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2020-07-31', description: 'Last Asia/Tokyo day, inclusive.' })
  @IsOptional()
  @IsTokyoDate()
  to?: string;
}

export class OutageCasesQueryDto extends PageQueryDto {}
