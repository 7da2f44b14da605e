import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../common/validators';

/** The public routes' moment: the congestion page, the display and the outages answer as of `at`. */
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
