import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditQuery } from '@madoguchi/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsTokyoDate } from '../common/validators';

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ example: '2020-09-01', description: 'First Asia/Tokyo day, inclusive.' })
  @IsOptional()
  @IsTokyoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2020-09-30', description: 'Last Asia/Tokyo day, inclusive.' })
  @IsOptional()
  @IsTokyoDate()
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: AuditEntityType;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  entityId?: number;

  @ApiPropertyOptional({ description: 'Username of whoever made the change.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

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
