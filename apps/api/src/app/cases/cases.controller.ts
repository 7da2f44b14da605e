import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CaseHistory, Page, ReturnSlip, SupportCase } from '@madoguchi/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CaseTransitions } from './case-transitions.service';
import {
  CaseTransitionDto,
  CreateCaseDto,
  FinishCaseDto,
  ListCasesQueryDto,
  StartCaseDto,
  UpdateCaseDto,
} from './cases.dto';
import { CasesService } from './cases.service';

/** Every role logs cases; which case a staff member may read or change is decided per row in the services. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitions,
  ) {}

  @Post()
  create(@Body() body: CreateCaseDto, @CurrentUser() user: UserAccount): Promise<SupportCase> {
    return this.cases.create(body, user);
  }

  @Get()
  list(@Query() query: ListCasesQueryDto, @CurrentUser() user: UserAccount): Promise<Page<SupportCase>> {
    return this.cases.list(query, user);
  }

  @Get('follow-up/:code')
  followUp(@Param('code') code: string): Promise<SupportCase> {
    return this.cases.byFollowUpCode(code);
  }

  @Get(':id')
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<SupportCase> {
    return this.cases.get(id, user);
  }

  /** What happened to the case (its audit entries) and the visits it is linked with. */
  @Get(':id/history')
  history(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<CaseHistory> {
    return this.cases.history(id, user);
  }

  @Patch(':id')
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateCaseDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.cases.update(id, body, user);
  }

  @Post(':id/start')
  @HttpCode(200)
  start(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: StartCaseDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.transitions.start(id, body, user);
  }

  @Post(':id/finish')
  @HttpCode(200)
  finish(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: FinishCaseDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.transitions.finish(id, body, user);
  }

  @Post(':id/leave')
  @HttpCode(200)
  leave(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CaseTransitionDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.transitions.leave(id, body, user);
  }

  @Get(':id/slip')
  slip(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<ReturnSlip> {
    return this.cases.slip(id, user);
  }
}
