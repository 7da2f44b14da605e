import { ApiPropertyOptional } from '@nestjs/swagger';
import { AGE_BANDS, CHANNELS, type AgeBand, type CaseFilter, type Channel } from '@madoguchi/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalQueryId } from './validators';

/** The filter every statistics route and the case list accept (query parameters arrive as text). */
export class CaseFilterDto implements CaseFilter {
  @ApiPropertyOptional({ description: 'Only cases of this site.' })
  @IsOptionalQueryId()
  siteId?: number;

  @ApiPropertyOptional({ example: 'tanaka', description: 'Only cases this staff member (username) recorded.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^\S+$/)
  staff?: string;

  @ApiPropertyOptional({ description: 'Only cases for this payment service.' })
  @IsOptionalQueryId()
  paymentServiceId?: number;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;
}
