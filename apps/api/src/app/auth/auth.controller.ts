import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserSummary } from '@madoguchi/contracts';
import type { Request, Response } from 'express';
import { AuthenticatedRequest, CurrentUser, Public } from './auth.decorators';
import { LoginDto } from './auth.dto';
import { AuthService, hashToken, toUserSummary } from './auth.service';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOf, setSessionCookie } from './session-cookie';
import type { UserAccount } from './user.entity';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Answers the token for API clients and sets it as the HttpOnly session cookie for the browser; a browser holds one
   * session, so the one its cookie carried before ends.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const answer = await this.auth.login(body.username, body.password, request.ip ?? 'unknown');
    const previous = sessionCookieOf(request);
    if (previous) await this.auth.logout(hashToken(previous));
    setSessionCookie(request, response, answer.token);
    return answer;
  }

  /** Ends the session for every tab and client that holds it, and clears the cookie. */
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.tokenHash) await this.auth.logout(request.tokenHash);
    clearSessionCookie(request, response);
  }

  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @Get('me')
  me(@CurrentUser() user: UserAccount): UserSummary {
    return toUserSummary(user);
  }
}
