import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, SupportCase } from '@madoguchi/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreateCaseDto, ListCasesQueryDto } from './cases.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  create(@Body() body: CreateCaseDto, @CurrentUser() user: UserAccount): Promise<SupportCase> {
    return this.cases.create(body, user);
  }

  @Get()
  list(@Query() query: ListCasesQueryDto): Promise<Page<SupportCase>> {
    return this.cases.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<SupportCase> {
    return this.cases.get(id);
  }
}
