import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { PROBLEM_TYPE_PREFIX, type Labelled, type ProblemDetails } from '@madoguchi/contracts';
import type { Request, Response } from 'express';
import { storageFaultOf, StorageUnavailableProblem } from '../db/storage-failure';
import { DomainProblem } from './problems';

/** Japanese when the client asks for it first; English otherwise (API clients, logs). */
export function prefersJapanese(request: Request): boolean {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*ja\b/i.test(header);
}

const pick = (text: Labelled, ja: boolean) => (ja ? text.ja : text.en);

const HTTP_DETAILS: Record<number, Labelled> = {
  401: {
    ja: 'サインインが必要です。もう一度サインインしてください。',
    en: 'Sign-in required: sign in again and retry.',
  },
  403: {
    ja: 'この操作を行う権限がありません。管理者に依頼してください。',
    en: 'Your role may not do this; ask a manager or an admin.',
  },
  404: { ja: '指定されたものが見つかりません。', en: 'Nothing was found at this address.' },
};

/** Every error leaves the API as application/problem+json (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

const logger = new Logger('Problem');

/** Answers with the problem an exception stands for; also used before a request reaches Nest (while stopping). */
export function sendProblem(exception: unknown, request: Request, response: Response): void {
  // A read that meets a locked, full or failing store is as retryable as a refused write.
  const fault = exception instanceof DomainProblem ? null : storageFaultOf(exception);
  const known = fault ? new StorageUnavailableProblem(fault) : exception;
  const problem = toProblem(known, prefersJapanese(request));
  problem.instance = request.originalUrl;
  if (problem.status >= 500 && problem.status !== 503) {
    logger.error(exception instanceof Error ? exception.stack : String(exception));
  }
  const retryAfter = known instanceof DomainProblem ? known.extensions['retryAfter'] : undefined;
  if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

function toProblem(exception: unknown, ja: boolean): ProblemDetails {
  if (exception instanceof DomainProblem) {
    const problem: ProblemDetails = {
      ...exception.extensions,
      type: `${PROBLEM_TYPE_PREFIX}${exception.type}`,
      title: exception.title,
      status: exception.status,
      detail: pick(exception.detailText, ja),
    };
    if (exception.fieldProblems.length) {
      problem.errors = exception.fieldProblems.map((p) => ({ field: p.field, message: pick(p.message, ja) }));
    }
    return problem;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = HTTP_DETAILS[status];
    const body = exception.getResponse();
    const message =
      typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : exception.message;
    return {
      type: 'about:blank',
      title:
        HttpStatus[status]
          ?.replace(/_/g, ' ')
          .toLowerCase()
          .replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error',
      status,
      detail: known ? pick(known, ja) : message,
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal server error',
    status: 500,
    detail: ja
      ? 'サーバーで問題が発生しました。記録されていない可能性があります。時間をおいて再度お試しください。'
      : 'The server failed; nothing may have been saved. Try again shortly.',
  };
}
