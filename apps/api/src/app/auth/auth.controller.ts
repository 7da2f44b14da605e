import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserSummary } from '@madoguchi/contracts';
import type { Request } from 'express';
import { AuthenticatedRequest, CurrentUser, Public } from './auth.decorators';
import { LoginDto } from './auth.dto';
import { AuthService, toUserSummary } from './auth.service';
import type { UserAccount } from './user.entity';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password, request.ip ?? 'unknown');
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    if (request.tokenHash) await this.auth.logout(request.tokenHash);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: UserAccount): UserSummary {
    return toUserSummary(user);
  }
}
