import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@madoguchi/contracts';
import { Roles } from '../auth/auth.decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

/** Read only: no route changes or deletes the log. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('manager', 'admin')
  @Get()
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
