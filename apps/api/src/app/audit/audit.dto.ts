import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditQuery } from '@madoguchi/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTokyoDate, IsRecordId } from '../common/validators';
import { PageQueryDto } from '../common/page-query.dto';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
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
  @IsRecordId()
  entityId?: number;

  @ApiPropertyOptional({ description: 'Username of whoever made the change.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;
}
