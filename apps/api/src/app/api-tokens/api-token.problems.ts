import { DomainProblem } from '../common/problems';

/** 401 for a bearer that looks like an API token but is unknown, revoked or expired. */
export class ApiTokenInvalidProblem extends DomainProblem {
  constructor() {
    super(401, 'api-token-invalid', 'Invalid API token', {
      ja: 'APIトークンが無効です(誤り・失効・期限切れのいずれか)。管理者に新しいトークンの発行を依頼してください。',
      en: 'The API token is unknown, revoked or expired; ask an admin for a new one.',
    });
  }
}

/** 403 for an API token on a route outside its scopes: tokens never reach cases, accounts, audit or any change. */
export class ApiTokenScopeProblem extends DomainProblem {
  constructor() {
    super(403, 'api-token-scope', 'Outside the API token scope', {
      ja: 'このAPIトークンでは使えない機能です。APIトークンで読めるのは、発行時に選んだ統計・エクスポートだけです。',
      en: 'This API token may not call this route: a token reads only the statistics or exports it was created for.',
    });
  }
}

/** 429 for an API token past its requests per minute, with Retry-After: the others and sessions go on. */
export class ApiTokenThrottledProblem extends DomainProblem {
  constructor(retryAfter: number, limit: number) {
    super(
      429,
      'api-token-throttled',
      'Too many requests with this API token',
      {
        ja: `このAPIトークンからの要求が1分間に${limit}回を超えました。${retryAfter}秒後に再度お試しください。`,
        en: `This API token made more than ${limit} requests in a minute; retry in ${retryAfter} s.`,
      },
      [],
      { retryAfter },
    );
  }
}
