import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_TOKEN_DAYS, API_TOKEN_SCOPES, type ApiTokenScope, type CreateApiTokenRequest } from '@madoguchi/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ example: 'Grafana 情報政策課', maxLength: 100, description: 'Who or what uses the token.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: API_TOKEN_SCOPES,
    isArray: true,
    example: ['stats'],
    description: '`stats`: the GET routes under /api/stats. `exports`: /api/cases/export.csv and .xlsx. Nothing else.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(API_TOKEN_SCOPES.length)
  @IsIn(API_TOKEN_SCOPES, { each: true })
  scopes!: ApiTokenScope[];

  @ApiPropertyOptional({
    minimum: API_TOKEN_DAYS.min,
    maximum: API_TOKEN_DAYS.max,
    default: API_TOKEN_DAYS.default,
    description: 'Days from now until the token expires.',
  })
  @IsOptional()
  @IsInt()
  @Min(API_TOKEN_DAYS.min)
  @Max(API_TOKEN_DAYS.max)
  days?: number;
}
