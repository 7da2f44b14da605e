import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  API_TOKEN_DAYS,
  API_TOKEN_SCOPES,
  API_TOKEN_STATES,
  type ApiToken,
  type ApiTokenScope,
  type ApiTokenState,
  type CreateApiTokenRequest,
  type CreatedApiToken,
} from '@madoguchi/contracts';
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

export class ApiTokenDto implements ApiToken {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'Grafana 情報政策課' }) name!: string;
  @ApiProperty({ enum: API_TOKEN_SCOPES, isArray: true }) scopes!: ApiTokenScope[];
  @ApiProperty({ example: 'mdg_Xk3vQ9aB', description: 'The start of the secret, to tell tokens apart.' })
  prefix!: string;
  @ApiProperty({ enum: API_TOKEN_STATES }) state!: ApiTokenState;
  @ApiProperty({ example: 'admin', description: 'Username of the admin who created it.' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto implements CreatedApiToken {
  @ApiProperty({
    example: 'mdg_Xk3vQ9aB…',
    description: 'Send as `Authorization: Bearer <secret>`. Shown only in this answer: only its SHA-256 is stored.',
  })
  secret!: string;
}
