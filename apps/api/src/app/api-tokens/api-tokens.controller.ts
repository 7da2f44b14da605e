import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiToken, CreatedApiToken } from '@madoguchi/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { ParseIdPipe } from '../common/id-param';
import { ApiAnswer } from '../common/openapi/openapi';
import { CreateApiTokenDto } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

/** Managed by admins signed in as themselves: no API token may call these routes, whatever its scopes. */
@ApiTags('api-tokens')
@Roles('admin')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({
    summary: 'Every read-only API token, newest first, with its state and last use',
    description: 'Never the secret or its hash: only the prefix that tells tokens apart.',
  })
  @ApiAnswer(['ApiToken'], { description: 'Every token, without its secret.' })
  list(): Promise<ApiToken[]> {
    return this.tokens.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Create a read-only API token for statistics and/or exports; the secret is in this answer only',
    description:
      'The token calls the GET routes of /api/stats (scope `stats`) and/or the CSV/XLSX exports (scope `exports`) ' +
      'with `Authorization: Bearer <secret>`, until it expires (1–365 days, 90 by default) or is revoked. ' +
      'Only the SHA-256 of the secret is stored; a lost secret means a new token.',
  })
  @ApiAnswer('CreatedApiToken', { status: 201, description: 'The token, with its secret: shown this once.' })
  create(@Body() body: CreateApiTokenDto, @CurrentUser() user: UserAccount): Promise<CreatedApiToken> {
    return this.tokens.create(body, user);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke an API token at once',
    description: 'Its next request is answered 401. Revoking a token already revoked changes nothing.',
  })
  @ApiAnswer('ApiToken', { description: 'The token, now revoked.' })
  revoke(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: UserAccount): Promise<ApiToken> {
    return this.tokens.revoke(id, user);
  }
}
