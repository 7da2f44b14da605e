import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAYMENT_SERVICE_KINDS,
  type CreatePaymentServiceRequest,
  type CreateSiteRequest,
  type PaymentServiceKind,
  type UpdatePaymentServiceRequest,
  type UpdateSiteRequest,
} from '@madoguchi/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const UnlessAbsent = () => ValidateIf((_: object, value: unknown) => value !== undefined);
export const SITE_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

export class CreatePaymentServiceDto implements CreatePaymentServiceRequest {
  @ApiProperty({ example: 'ことりペイ', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PAYMENT_SERVICE_KINDS })
  @IsIn(PAYMENT_SERVICE_KINDS)
  kind!: PaymentServiceKind;

  @ApiProperty({ description: 'Listed as 「手続スポットから申込み」: the city’s terminal can apply for it.' })
  @IsBoolean()
  appliesAtSpot!: boolean;

  @ApiProperty({ description: 'The citizen must register with the service (e.g. on its website) before applying.' })
  @IsBoolean()
  requiresPreRegistration!: boolean;

  @ApiProperty({ type: [String], example: ['スマートフォン(決済アプリ)'], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  requiredItems!: string[];

  @ApiPropertyOptional({ default: true, description: 'Inactive services are no longer offered to citizens.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdatePaymentServiceDto implements UpdatePaymentServiceRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @UnlessAbsent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: PAYMENT_SERVICE_KINDS })
  @UnlessAbsent()
  @IsIn(PAYMENT_SERVICE_KINDS)
  kind?: PaymentServiceKind;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsBoolean()
  appliesAtSpot?: boolean;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsBoolean()
  requiresPreRegistration?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  requiredItems?: string[];

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsBoolean()
  active?: boolean;
}

export class CreateSiteDto implements CreateSiteRequest {
  @ApiProperty({ example: 'chigasaki-honcho', description: 'Lower-case letters, digits and hyphens.' })
  @IsString()
  @Matches(SITE_CODE)
  code!: string;

  @ApiProperty({ example: '茅ヶ崎市役所 本庁舎 情報推進課', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateSiteDto implements UpdateSiteRequest {
  @ApiPropertyOptional({ description: 'Lower-case letters, digits and hyphens.' })
  @UnlessAbsent()
  @IsString()
  @Matches(SITE_CODE)
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @UnlessAbsent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}
