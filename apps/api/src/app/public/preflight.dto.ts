import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsInstant, IsRecordId } from '../common/validators';

export const PREFLIGHT_PROCEDURES = ['reservation', 'application', 'both'] as const;
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'not_issued'] as const;
export const PIN_STATES = ['known', 'forgotten', 'locked'] as const;

export class CertificateDto {
  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  @IsIn(CERTIFICATE_STATUSES)
  status!: (typeof CERTIFICATE_STATUSES)[number];

  @ApiPropertyOptional({ description: 'When the certificate was last renewed or issued onto the card (ISO 8601).' })
  @IsOptional()
  @IsInstant()
  issuedOrRenewedAt?: string | null;
}

export class PreflightDto {
  @ApiPropertyOptional({ description: 'The moment to check (ISO 8601); defaults to now.' })
  @IsOptional()
  @IsInstant()
  at?: string;

  @ApiProperty({ enum: PREFLIGHT_PROCEDURES })
  @IsIn(PREFLIGHT_PROCEDURES)
  procedure!: (typeof PREFLIGHT_PROCEDURES)[number];

  @ApiProperty({ description: 'The card holder’s age in whole years.', minimum: 0, maximum: 130 })
  @IsInt()
  @Min(0)
  @Max(130)
  holderAge!: number;

  @ApiProperty({ description: 'The card holder comes in person.' })
  @IsBoolean()
  holderPresent!: boolean;

  @ApiProperty({ description: 'The My Number card is brought.' })
  @IsBoolean()
  hasCard!: boolean;

  @ApiProperty({ type: CertificateDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CertificateDto)
  certificate!: CertificateDto;

  @ApiProperty({ enum: PIN_STATES })
  @IsIn(PIN_STATES)
  pin!: (typeof PIN_STATES)[number];

  @ApiPropertyOptional({ default: false, description: 'The citizen already has a MyKey ID.' })
  @IsOptional()
  @IsBoolean()
  alreadyReserved?: boolean;

  @ApiPropertyOptional({
    description: 'The chosen payment service, for an application; without it the answer warns that the choice decides.',
  })
  @IsOptional()
  @IsRecordId()
  paymentServiceId?: number;

  @ApiPropertyOptional({ default: false, description: 'Everything the payment service requires is at hand.' })
  @IsOptional()
  @IsBoolean()
  serviceItemsReady?: boolean;

  @ApiPropertyOptional({ default: false, description: 'The service’s own prior web registration is done.' })
  @IsOptional()
  @IsBoolean()
  serviceRegistrationDone?: boolean;
}
