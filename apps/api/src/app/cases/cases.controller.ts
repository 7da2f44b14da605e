import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiAnswer, ApiProblems } from '../common/openapi/openapi';

/** Every role logs cases; which case a staff member may read or change is decided per row in the services. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transitions: CaseTransitions,
  ) {}

  @ApiOperation({
    summary: 'Log an assisted case as the citizen arrives or after the fact',
    description: 'Free text never holds a My Number: a text that looks like one is refused (422) and not stored.',
  })
  @ApiAnswer('SupportCase', { status: 201, description: 'The case as stored, with its follow-up code.' })
  @Post()
  create(@Body() body: CreateCaseDto, @CurrentUser() user: UserAccount): Promise<SupportCase> {
    return this.cases.create(body, user);
  }

  @ApiOperation({
    summary: 'Cases, newest arrival first, narrowed by the same filter as the statistics',
    description: 'A staff member sees the cases of their site; managers and admins see all.',
  })
  @ApiAnswer({ page: 'SupportCase' }, { description: 'One page of cases.' })
  @Get()
  list(@Query() query: ListCasesQueryDto, @CurrentUser() user: UserAccount): Promise<Page<SupportCase>> {
    return this.cases.list(query, user);
  }

  @ApiOperation({ summary: "The case a return slip's follow-up code points to" })
  @ApiAnswer('SupportCase', { description: 'The case of the code.' })
  @ApiProblems({ 404: 'No case has this follow-up code.' })
  @Get('follow-up/:code')
  followUp(@Param('code') code: string): Promise<SupportCase> {
    return this.cases.byFollowUpCode(code);
  }

  @ApiOperation({ summary: 'One case' })
  @ApiAnswer('SupportCase', { description: 'The case.' })
  @ApiProblems({ 403: 'Staff may read only the cases of today and the cases they served.' })
  @Get(':id')
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<SupportCase> {
    return this.cases.get(id, user);
  }

  /** What happened to the case (its audit entries) and the visits it is linked with. */
  @ApiOperation({ summary: 'What happened to a case (its audit entries) and the visits it is linked with' })
  @ApiAnswer('CaseHistory', { description: 'The history of the case.' })
  @ApiProblems({ 403: 'Staff may read only the cases of today and the cases they served.' })
  @Get(':id/history')
  history(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<CaseHistory> {
    return this.cases.history(id, user);
  }

  @ApiOperation({ summary: 'Correct a case, given the version it was read at' })
  @ApiAnswer('SupportCase', { description: 'The case as stored.' })
  @ApiProblems({
    403: 'Staff may change only their own cases of the same day, and not a case another staff member is serving.',
    409: 'The case changed since it was read (`version` is behind): the answer holds the current case in `current`.',
  })
  @Patch(':id')
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateCaseDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.cases.update(id, body, user);
  }

  @ApiOperation({ summary: 'Start serving a waiting case at a counter' })
  @ApiAnswer('SupportCase', { description: 'The case, now in service.' })
  @ApiProblems({
    403: 'Staff may change only their own cases of the same day, and not a case another staff member is serving.',
    409: 'The case is not waiting, or changed since it was read (`current` holds it).',
  })
  @Post(':id/start')
  @HttpCode(200)
  start(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: StartCaseDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.transitions.start(id, body, user);
  }

  @ApiOperation({
    summary: 'Finish a case in service with its outcome: completed, not completed (with a reason) or an inquiry',
  })
  @ApiAnswer('SupportCase', { description: 'The case as it ended.' })
  @ApiProblems({
    403: 'Staff may change only their own cases of the same day, and not a case another staff member is serving.',
    409:
      'The case is not in service, changed since it was read (`current` holds it), or its outcome needs a ' +
      'confirmation the body did not give (`confirmation-required`).',
  })
  @Post(':id/finish')
  @HttpCode(200)
  finish(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: FinishCaseDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.transitions.finish(id, body, user);
  }

  @ApiOperation({ summary: 'Record that a waiting citizen left before being served' })
  @ApiAnswer('SupportCase', { description: 'The case, now left.' })
  @ApiProblems({
    403: 'Staff may change only their own cases of the same day, and not a case another staff member is serving.',
    409: 'The case is not waiting, or changed since it was read (`current` holds it).',
  })
  @Post(':id/leave')
  @HttpCode(200)
  leave(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CaseTransitionDto,
    @CurrentUser() user: UserAccount,
  ): Promise<SupportCase> {
    return this.transitions.leave(id, body, user);
  }

  @ApiOperation({ summary: 'The return slip of a case that ended not completed: what to bring and the follow-up code' })
  @ApiAnswer('ReturnSlip', { description: 'The slip to print.' })
  @ApiProblems({
    403: 'Staff may read only the cases of today and the cases they served.',
    409: 'The case did not end not completed, so it has no slip.',
  })
  @Get(':id/slip')
  slip(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<ReturnSlip> {
    return this.cases.slip(id, user);
  }
}
