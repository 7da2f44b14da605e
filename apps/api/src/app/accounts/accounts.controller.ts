import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Account, Page } from '@madoguchi/contracts';
import { AuthenticatedRequest, CurrentUser, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreateAccountDto, ListAccountsQueryDto, ResetPasswordDto, UpdateAccountDto } from './accounts.dto';
import { AccountsService } from './accounts.service';
import { ApiAnswer, ApiProblems } from '../common/openapi/openapi';

@ApiTags('accounts')
@Roles('admin')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @ApiOperation({ summary: 'The accounts, staff first by user name, with their role and whether they may sign in' })
  @ApiAnswer({ page: 'Account' }, { description: 'One page of accounts.' })
  @Get()
  list(@Query() query: ListAccountsQueryDto): Promise<Page<Account>> {
    return this.accounts.list(query);
  }

  @ApiOperation({
    summary: 'Create an account with its first password',
    description: 'User names are kept lower case.',
  })
  @ApiAnswer('Account', { status: 201, description: 'The account as stored.' })
  @ApiProblems({ 409: 'The user name is taken.' })
  @Post()
  create(@Body() body: CreateAccountDto, @CurrentUser() user: UserAccount): Promise<Account> {
    return this.accounts.create(body, user);
  }

  @ApiOperation({
    summary: "Change an account's display name, role or whether it may sign in",
    description: 'Disabling an account ends its sessions.',
  })
  @ApiAnswer('Account', { description: 'The account as stored.' })
  @Patch(':id')
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateAccountDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Account> {
    return this.accounts.update(id, body, user);
  }

  @ApiOperation({ summary: 'Set a new password for an account: its other sessions end' })
  @ApiAnswer('Account', { description: 'The account; the password is never answered.' })
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ResetPasswordDto,
    @CurrentUser() user: UserAccount,
    @Req() request: AuthenticatedRequest,
  ): Promise<Account> {
    return this.accounts.resetPassword(id, body, user, request.tokenHash);
  }
}
