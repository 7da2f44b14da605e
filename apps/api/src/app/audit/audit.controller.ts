import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@madoguchi/contracts';
import { Roles } from '../auth/auth.decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';
import { ApiAnswer } from '../common/openapi/openapi';

/** Read only: no route changes or deletes the log. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Who changed what and when, newest first, with the values before and after',
    description:
      'Filters by the kind of record, its id, the account and a period; nothing here changes or deletes the log.',
  })
  @ApiAnswer({ page: 'AuditEntry' }, { description: 'One page of the log.' })
  @Get()
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
