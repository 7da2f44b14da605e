import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserSummary } from '@madoguchi/contracts';
import type { Request, Response } from 'express';
import { AuthenticatedRequest, CurrentUser, Public } from './auth.decorators';
import { LoginDto } from './auth.dto';
import { AuthService, hashToken, toUserSummary } from './auth.service';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from './session-cookie';
import type { UserAccount } from './user.entity';
import { ApiAnswer, ApiProblems } from '../common/openapi/openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Answers the token for API clients and sets it as the HttpOnly session cookie for the browser; a browser holds one
   * session, so the one its cookie carried before ends.
   */
  @Public()
  @ApiOperation({
    summary: 'Sign in: a session token, also set as the HttpOnly session cookie',
    description: 'Refused sign-ins are throttled per account and per address; a disabled account cannot sign in.',
  })
  @ApiAnswer('LoginResponse', {
    description: 'Signed in: the token and who it belongs to.',
    example: {
      token: 'q3Vh0v6oVYkq8m1q3yJ2bX9f4LrT0wZk',
      user: { username: 'tanaka', displayName: '田中 花子', role: 'staff' },
    },
  })
  @ApiProblems({
    401: 'The user name or password is wrong, or the account is disabled.',
    429: 'Too many refused sign-ins: wait `Retry-After` seconds.',
  })
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
  @ApiOperation({ summary: 'Sign out: the session ends for every tab and client that holds it' })
  @ApiResponse({ status: 204, description: 'Signed out; the cookie is cleared.' })
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.tokenHash) await this.auth.logout(request.tokenHash);
    clearSessionCookie(request, response);
  }
  @ApiOperation({ summary: 'Who is signed in, with the role that decides what they may do' })
  @ApiAnswer('UserSummary', { description: 'The signed-in account.' })
  @Get('me')
  me(@CurrentUser() user: UserAccount): UserSummary {
    return toUserSummary(user);
  }
}
