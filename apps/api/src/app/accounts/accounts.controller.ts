import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Account, Page } from '@madoguchi/contracts';
import { AuthenticatedRequest, CurrentUser, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreateAccountDto, ListAccountsQueryDto, ResetPasswordDto, UpdateAccountDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  list(@Query() query: ListAccountsQueryDto): Promise<Page<Account>> {
    return this.accounts.list(query);
  }

  @Post()
  create(@Body() body: CreateAccountDto, @CurrentUser() user: UserAccount): Promise<Account> {
    return this.accounts.create(body, user);
  }

  @Patch(':id')
  update(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateAccountDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Account> {
    return this.accounts.update(id, body, user);
  }

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
